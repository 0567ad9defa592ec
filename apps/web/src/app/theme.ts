import type { ThemeConfig } from 'antd';

export const brand = {
  primary: '#1f5faa',
  siderBg: '#0e2a4d',
  siderItemSelected: '#1f5faa',
  pageBg: '#f4f6fa',
};

export const theme: ThemeConfig = {
  token: {
    colorPrimary: brand.primary,
    colorInfo: brand.primary,
    colorBgLayout: brand.pageBg,
    borderRadius: 6,
    fontFamily: "Inter, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif",
  },
  components: {
    Layout: { siderBg: brand.siderBg, headerBg: '#ffffff', headerPadding: '0 24px', headerHeight: 56 },
    Menu: {
      darkItemBg: brand.siderBg,
      darkSubMenuItemBg: '#0a2140',
      darkItemSelectedBg: brand.siderItemSelected,
      darkGroupTitleColor: 'rgba(255,255,255,0.45)',
    },
    Table: { headerBg: '#f7f9fc' },
  },
};
