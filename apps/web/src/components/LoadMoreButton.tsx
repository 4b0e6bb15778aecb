import { Button } from "@mantine/core";

/** What a paged list (TanStack Query's infinite query) tells the button. */
interface Pages {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/** "Show more" under a list read page by page: shown while there is a next page. */
export function LoadMoreButton({ pages, label }: { pages: Pages; label: string }) {
  if (!pages.hasNextPage) return null;
  return (
    <Button
      variant="default"
      onClick={() => void pages.fetchNextPage()}
      loading={pages.isFetchingNextPage}
      style={{ alignSelf: "flex-start" }}
    >
      {label}
    </Button>
  );
}
