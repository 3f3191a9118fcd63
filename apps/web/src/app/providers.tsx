import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect, useState, type ReactNode } from 'react';
import { isApiError } from '../api/client';
import { LanguageProvider, useLanguage } from '../i18n/language';
import { AuthProvider, ME_QUERY_KEY } from './auth';
import { theme } from './theme';

function retry(failureCount: number, error: unknown): boolean {
  // A 4xx will not change on retry; network blips and 5xx get one more try.
  if (isApiError(error) && error.status >= 400 && error.status < 500) {
    return false;
  }
  return failureCount < 1;
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isApiError(error) && error.status === 401 && query.queryKey[0] !== ME_QUERY_KEY[0]) {
          // The session expired while the app was open: dropping the user sends them to the login page.
          client.setQueryData(ME_QUERY_KEY, null);
        }
      },
    }),
    mutationCache: new MutationCache({
      onError: (error) => {
        if (isApiError(error) && error.status === 401) {
          client.setQueryData(ME_QUERY_KEY, null);
        }
      },
    }),
    defaultOptions: {
      queries: { retry, refetchOnWindowFocus: false, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
  return client;
}

interface LocalisedAntdProps {
  children: ReactNode;
}

function LocalisedAntd({ children }: LocalisedAntdProps) {
  const { language } = useLanguage();
  useEffect(() => {
    dayjs.locale(language === 'zh' ? 'zh-cn' : 'en');
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  }, [language]);
  // Set synchronously too, so the first render already formats dates in the right language.
  dayjs.locale(language === 'zh' ? 'zh-cn' : 'en');
  return (
    <ConfigProvider locale={language === 'zh' ? zhCN : enUS} theme={theme}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export interface ProvidersProps {
  children: ReactNode;
}

export function Providers({ children }: ProvidersProps) {
  const [queryClient] = useState(createQueryClient);
  return (
    <LanguageProvider>
      <QueryClientProvider client={queryClient}>
        <LocalisedAntd>
          <AuthProvider>{children}</AuthProvider>
        </LocalisedAntd>
      </QueryClientProvider>
    </LanguageProvider>
  );
}
