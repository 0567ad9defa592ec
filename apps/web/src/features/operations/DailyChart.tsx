import { Flex, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

export interface DailyPoint {
  day: string;
  accepted: number;
  refused: number;
}

const colors = { accepted: '#2e9d5b', refused: '#d4380d' };
const W = 600;
const H = 160;
const PAD = { top: 10, right: 8, bottom: 22, left: 34 };

/** Accepted and refused logs per day, as stacked bars (plain SVG: no chart library to ship). */
export function DailyChart({ points }: { points: DailyPoint[] }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...points.map((p) => p.accepted + p.refused));
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const slot = innerW / Math.max(1, points.length);
  const barW = Math.max(2, slot * 0.7);
  const y = (v: number) => (v / max) * innerH;
  const labelled = new Set([0, Math.floor(points.length / 2), points.length - 1]);
  return (
    <Flex vertical gap={4}>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width="100%"
        role="img"
        aria-label={t('operations.connector.chartLabel')}
        style={{ maxHeight: 200 }}
      >
        <line x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} stroke="#d9dde3" />
        <text x={PAD.left - 6} y={PAD.top + 4} textAnchor="end" fontSize={10} fill="#69707d">
          {max}
        </text>
        <text x={PAD.left - 6} y={H - PAD.bottom} textAnchor="end" fontSize={10} fill="#69707d">
          0
        </text>
        {points.map((p, i) => {
          const x = PAD.left + i * slot + (slot - barW) / 2;
          const ha = y(p.accepted);
          const hr = y(p.refused);
          const base = H - PAD.bottom;
          return (
            <g key={p.day}>
              <title>
                {t('operations.connector.barTitle', {
                  day: dayjs(p.day).format('DD/MM/YYYY'),
                  accepted: p.accepted,
                  refused: p.refused,
                })}
              </title>
              <rect x={x} y={PAD.top} width={barW} height={innerH} fill="transparent" />
              {ha > 0 && <rect x={x} y={base - ha} width={barW} height={ha} fill={colors.accepted} rx={1} />}
              {hr > 0 && <rect x={x} y={base - ha - hr} width={barW} height={hr} fill={colors.refused} rx={1} />}
              {labelled.has(i) && (
                <text x={x + barW / 2} y={H - 6} textAnchor="middle" fontSize={10} fill="#69707d">
                  {dayjs(p.day).format('DD/MM')}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <Flex gap={16} justify="center">
        {(['accepted', 'refused'] as const).map((k) => (
          <Flex key={k} gap={6} align="center">
            <span style={{ width: 10, height: 10, borderRadius: 2, background: colors[k], display: 'inline-block' }} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(`operations.connector.${k}`)}
            </Typography.Text>
          </Flex>
        ))}
      </Flex>
    </Flex>
  );
}
