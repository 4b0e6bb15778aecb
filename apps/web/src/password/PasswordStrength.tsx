import { List, Progress, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { fr } from "../i18n/fr";
import type { Strength } from "./estimator";

type FeedbackKey = keyof typeof fr.password.feedback;

const COLOURS = ["red.8", "orange.8", "yellow.7", "teal.7", "green.8"] as const;

/**
 * The live strength meter (DSN-ID-02): zxcvbn's level 0–4, the contract's minimum and the
 * recommended level, and what would make the password stronger. The text part is announced politely.
 */
export function PasswordStrength({
  strength,
  minimum,
  recommended,
}: {
  strength: Strength | undefined;
  minimum: number;
  recommended: number;
}) {
  const { t } = useTranslation();
  const score = strength?.score;
  const levelText =
    score === undefined ? "" : t("password.strength", { score, level: t(`password.levels.${score}`) });
  const verdict =
    score === undefined
      ? ""
      : score < minimum
        ? t("password.tooWeak", { score, minimum })
        : score < recommended
          ? t("password.belowRecommended", { recommended })
          : t("password.recommendedReached");
  // Feedback keys the portal has no text for are left out rather than shown raw.
  const advice = strength
    ? [strength.warning, ...strength.suggestions].filter(
        (key): key is FeedbackKey => key !== null && key in fr.password.feedback,
      )
    : [];
  return (
    <Stack gap={4}>
      <Progress.Root size="lg" aria-hidden={score === undefined}>
        <Progress.Section
          value={score === undefined ? 0 : (score + 1) * 20}
          color={score === undefined ? "gray" : COLOURS[score]}
          aria-label={t("password.meter")}
          aria-valuetext={levelText || t("password.meter")}
        />
      </Progress.Root>
      <div aria-live="polite">
        {score !== undefined && (
          <>
            <Text size="sm" fw={700} data-testid="password-strength">
              {levelText}
            </Text>
            <Text size="sm" c={score < minimum ? "red.9" : "dimmed"}>
              {verdict}
            </Text>
            {advice.length > 0 && (
              <List size="sm">
                {advice.map((key) => (
                  <List.Item key={key}>{t(`password.feedback.${key}`)}</List.Item>
                ))}
              </List>
            )}
          </>
        )}
      </div>
      <Text size="sm" c="dimmed">
        {t("password.policy", { minimum, recommended })}
      </Text>
    </Stack>
  );
}
