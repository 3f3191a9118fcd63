import { Flex, Spin } from 'antd';

export interface PageLoadingProps {
  /** Fill the whole window (pages outside the layout) rather than the content area. */
  fullScreen?: boolean;
}

/** The Suspense fallback while a page's code loads. */
export function PageLoading({ fullScreen = false }: PageLoadingProps) {
  return (
    <Flex align="center" justify="center" style={{ minHeight: fullScreen ? '100vh' : 240 }}>
      <Spin size="large" />
    </Flex>
  );
}
