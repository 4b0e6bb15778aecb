import { Box, Group, getThemeColor, Text, useMantineTheme } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { SlaMonth } from "../../api/desk-types";
import { useLocaleFormat } from "../../i18n/format";
import { CLOCK_COLOURS } from "../SlaBadge";

const WIDTH = 760;
const HEIGHT = 280;
const PLOT = { top: 24, right: 8, bottom: 36, left: 44 };
/** Stacked from the axis up: what counts for the target, then what misses it, then what still runs. */
const SEGMENTS = ["met", "breached", "running"] as const;
type Segment = (typeof SEGMENTS)[number];
const TEXT = "var(--mantine-color-gray-7)";

/** Whole tickets from 0 to at least the highest bar, in at most 4 equal steps. */
function axisTicks(highest: number): number[] {
  const step = Math.max(1, Math.ceil(highest / 4));
  const top = Math.max(1, Math.ceil(highest / step)) * step;
  return Array.from({ length: top / step + 1 }, (_, index) => index * step);
}

/**
 * The tickets counted each month, as bars split into met, missed and running (MCR-SUP-06): an
 * inline SVG named by its title, described by a summary of the period, with a legend in words.
 * The table that follows it gives the same figures as text.
 */
export function SlaChart({ months }: { months: SlaMonth[] }) {
  const { t } = useTranslation();
  const { month, number } = useLocaleFormat();
  const theme = useMantineTheme();
  const titleId = useId();
  const descId = useId();
  const colour = (segment: Segment) => getThemeColor(CLOCK_COLOURS[segment], theme);

  const first = months[0];
  const last = months.at(-1);
  if (!first || !last) return null;
  const sum = (key: Segment | "counted") => months.reduce((total, m) => total + m.total[key], 0);
  const ticks = axisTicks(Math.max(...months.map((m) => m.total.counted)));
  const top = ticks.at(-1) ?? 1;
  const plotWidth = WIDTH - PLOT.left - PLOT.right;
  const plotHeight = HEIGHT - PLOT.top - PLOT.bottom;
  const y = (value: number) => PLOT.top + plotHeight * (1 - value / top);
  const band = plotWidth / months.length;
  const barWidth = band * 0.6;
  const title = t("slaReport.chartTitle", { from: month(first.month), to: month(last.month) });

  return (
    <Box component="figure" m={0}>
      <Text component="figcaption" fw={700} mb="xs">
        {title}
      </Text>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        style={{ maxWidth: WIDTH, height: "auto", display: "block" }}
        role="img"
        aria-labelledby={titleId}
        aria-describedby={descId}
        data-testid="sla-chart"
      >
        <title id={titleId}>{title}</title>
        <desc id={descId}>
          {t("slaReport.chartSummary", {
            counted: number(sum("counted")),
            met: number(sum("met")),
            breached: number(sum("breached")),
            running: number(sum("running")),
          })}
        </desc>
        {ticks.map((tick) => (
          <g key={tick}>
            <line
              x1={PLOT.left}
              x2={WIDTH - PLOT.right}
              y1={y(tick)}
              y2={y(tick)}
              stroke="var(--mantine-color-gray-3)"
            />
            <text x={PLOT.left - 8} y={y(tick) + 4} textAnchor="end" fontSize={12} fill={TEXT}>
              {number(tick)}
            </text>
          </g>
        ))}
        {months.map((m, index) => {
          const x = PLOT.left + index * band + (band - barWidth) / 2;
          let base = 0;
          return (
            <g key={m.month} data-month={m.month}>
              {SEGMENTS.map((segment) => {
                const value = m.total[segment];
                const from = base;
                base += value;
                return value > 0 ? (
                  <rect
                    key={segment}
                    x={x}
                    width={barWidth}
                    y={y(from + value)}
                    height={y(from) - y(from + value)}
                    fill={colour(segment)}
                  />
                ) : null;
              })}
              <text
                x={x + barWidth / 2}
                y={y(m.total.counted) - 6}
                textAnchor="middle"
                fontSize={12}
                fill={TEXT}
              >
                {number(m.total.counted)}
              </text>
              <text
                x={x + barWidth / 2}
                y={HEIGHT - PLOT.bottom + 18}
                textAnchor="middle"
                fontSize={12}
                fill={TEXT}
              >
                {month(m.month, "short")}
              </text>
            </g>
          );
        })}
        <line
          x1={PLOT.left}
          x2={WIDTH - PLOT.right}
          y1={y(0)}
          y2={y(0)}
          stroke="var(--mantine-color-gray-7)"
        />
      </svg>
      <Group
        component="ul"
        gap="lg"
        aria-label={t("slaReport.legend")}
        style={{ listStyle: "none", padding: 0 }}
      >
        {SEGMENTS.map((segment) => (
          <Group component="li" key={segment} gap={6}>
            <Box
              aria-hidden
              w={14}
              h={14}
              style={{ background: colour(segment), borderRadius: 2, display: "inline-block" }}
            />
            <Text size="sm">{t(`slaReport.${segment}`)}</Text>
          </Group>
        ))}
      </Group>
    </Box>
  );
}
