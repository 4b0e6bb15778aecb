import { Anchor, Box, Group, Paper, Skeleton, Stack, Text, Title } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { type ReactNode, type RefObject, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../components/ErrorAlert";

/**
 * Every card of the home page has this height whether it is loading, failed or filled, so what
 * arrives late moves nothing (issue 13: no layout shift); its lines are cut rather than grown.
 */
export const CARD_HEIGHT = 300;

/**
 * Whether a card has come near the screen: its data is asked for then, not with the page, so the
 * page shows at once and a phone fetches only what it scrolls to.
 */
export function useSeen<T extends HTMLElement>(): { ref: RefObject<T | null>; seen: boolean } {
  const ref = useRef<T>(null);
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (seen || !element) return;
    if (typeof IntersectionObserver === "undefined") {
      setSeen(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          setSeen(true);
          observer.disconnect();
        }
      },
      { rootMargin: "200px" },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [seen]);
  return { ref, seen };
}

/** What a card shows from its query: skeleton lines until it answers, its error, or its content. */
export interface CardState {
  pending: boolean;
  error: Error | null;
}

/** A titled card of the home page (an h2 naming its region), its content, and the page it leads to. */
export function DashboardCard({
  title,
  to,
  state,
  cardRef,
  children,
}: {
  title: string;
  to: string;
  state: CardState;
  cardRef: RefObject<HTMLElement | null>;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <Paper
      ref={cardRef}
      component="section"
      aria-labelledby={id}
      aria-busy={state.pending}
      withBorder
      p="md"
      h={CARD_HEIGHT}
      style={{ display: "flex", flexDirection: "column", overflow: "hidden" }}
      data-testid="home-card"
    >
      <Title order={2} size="h4" id={id} mb="xs">
        {title}
      </Title>
      <Box style={{ flex: 1, minHeight: 0, overflow: "hidden" }}>
        {state.pending ? (
          <Stack gap="sm" aria-hidden>
            <Skeleton height={18} width="70%" />
            <Skeleton height={18} />
            <Skeleton height={18} width="85%" />
            <Skeleton height={18} width="60%" />
          </Stack>
        ) : state.error ? (
          <ErrorAlert error={state.error} />
        ) : (
          children
        )}
      </Box>
      <Group justify="flex-end" mt="xs">
        <Anchor component={Link} to={to} size="sm">
          {t("home.cards.open", { what: title })}
        </Anchor>
      </Group>
    </Paper>
  );
}

/** One line of a card: cut with an ellipsis where room is short, the whole text on hover. */
export function CardLine({ children, strong }: { children: string; strong?: boolean }) {
  return (
    <Text size="sm" fw={strong ? 600 : undefined} truncate="end" title={children}>
      {children}
    </Text>
  );
}
