import {
  AlertOutlined,
  AppstoreOutlined,
  BankOutlined,
  BarsOutlined,
  BorderOuterOutlined,
  CloudOutlined,
  ClusterOutlined,
  ColumnHeightOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  ExpandOutlined,
  FireOutlined,
  GlobalOutlined,
  HomeOutlined,
  KeyOutlined,
  LoginOutlined,
  ShopOutlined,
  TeamOutlined,
  ThunderboltOutlined,
  ToolOutlined,
} from '@ant-design/icons';
import type { CSSProperties, ReactNode } from 'react';

/** A colour per level / shared type, used by icons, bars and chips. */
const palette: Record<string, string> = {
  region: '#5b6b82',
  departement: '#5b6b82',
  commune: '#2f7d6d',
  site: '#1f5faa',
  building: '#2f6fd0',
  entrance: '#4a8fd9',
  floor: '#6aa5e3',
  unit: '#13a8a8',
  premises: '#7b61c9',
  common_area: '#9c7bd6',
  equipment: '#d9822b',
  'equipment.lift': '#d9822b',
  'equipment.collective_boiler_room': '#d4502c',
  'equipment.individual_boiler': '#e0683a',
  'equipment.vmc': '#6d9c3a',
  'equipment.automatic_door': '#b8860b',
  'equipment.gate': '#a07a2c',
  'equipment.access_control': '#c0862f',
  'equipment.fire_safety': '#c43d3d',
  'equipment.water_meter': '#2d8fc4',
  'equipment.sub_meter': '#4ba3d1',
  'equipment.water_heater': '#d06a8a',
  'equipment.other': '#8c8c8c',
};

const icons: Record<string, ReactNode> = {
  region: <GlobalOutlined />,
  departement: <GlobalOutlined />,
  commune: <EnvironmentOutlined />,
  site: <ClusterOutlined />,
  building: <BankOutlined />,
  entrance: <LoginOutlined />,
  floor: <BarsOutlined />,
  unit: <HomeOutlined />,
  premises: <ShopOutlined />,
  common_area: <TeamOutlined />,
  equipment: <ToolOutlined />,
  'equipment.lift': <ColumnHeightOutlined />,
  'equipment.collective_boiler_room': <FireOutlined />,
  'equipment.individual_boiler': <FireOutlined />,
  'equipment.vmc': <CloudOutlined />,
  'equipment.automatic_door': <ExpandOutlined />,
  'equipment.gate': <BorderOuterOutlined />,
  'equipment.access_control': <KeyOutlined />,
  'equipment.fire_safety': <AlertOutlined />,
  'equipment.water_meter': <DashboardOutlined />,
  'equipment.sub_meter': <DashboardOutlined />,
  'equipment.water_heater': <ThunderboltOutlined />,
  'equipment.other': <ToolOutlined />,
};

/** The colour of a level or shared type. */
export function assetColor(levelOrType: string): string {
  return palette[levelOrType] ?? '#8c8c8c';
}

interface AssetIconProps {
  /** A tree level (`commune`, `building`…) or a shared type (`equipment.lift`). */
  type: string;
  /** Draws the icon in a tinted square (tree rows, cards). */
  boxed?: boolean;
  size?: number;
}

/** The icon of an element type or geographic level, in its colour. */
export function AssetIcon({ type, boxed = false, size = 14 }: AssetIconProps) {
  const color = assetColor(type);
  const icon = icons[type] ?? <AppstoreOutlined />;
  if (!boxed) return <span style={{ color, fontSize: size, lineHeight: 1 }}>{icon}</span>;
  const box: CSSProperties = {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    width: size + 12,
    height: size + 12,
    borderRadius: 6,
    background: `${color}1a`,
    color,
    fontSize: size,
    flex: 'none',
  };
  return (
    <span aria-hidden style={box}>
      {icon}
    </span>
  );
}
