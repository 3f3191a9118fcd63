import type { ThemeConfig } from 'antd';

/** A restrained government look: one deep blue, square-ish corners, dense tables. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1f4e9c',
    colorInfo: '#1f4e9c',
    borderRadius: 4,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#0f2a56', headerPadding: '0 24px', bodyBg: '#f3f5f9' },
    Menu: {
      darkItemBg: '#0f2a56',
      darkSubMenuItemBg: '#0b2148',
      darkItemSelectedBg: '#1f4e9c',
    },
    Table: { headerBg: '#f5f7fa' },
  },
};
