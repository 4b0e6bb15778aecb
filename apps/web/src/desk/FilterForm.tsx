import { Button, Group, SimpleGrid, TextInput } from "@mantine/core";
import type { FormEvent, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Section } from "../components/Section";

/** A list's filters read from the address, and what to do with new ones. */
export interface FiltersProps<Search> {
  search: Search;
  onSearch: (search: Search) => void;
}

/** A list's filters: its fields side by side and the button that applies them. */
export function FilterForm({
  onFilter,
  children,
}: {
  onFilter: (data: FormData) => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onFilter(new FormData(event.currentTarget));
  };
  return (
    <Section title={t("desk.filters.heading")}>
      <form onSubmit={submit}>
        <Group align="flex-end">
          <SimpleGrid cols={{ base: 1, sm: 3 }} style={{ flex: 1 }}>
            {children}
          </SimpleGrid>
          <Button type="submit">{t("desk.filters.apply")}</Button>
        </Group>
      </form>
    </Section>
  );
}

/** Words of a ticket's reference, title or customer reference. */
export function SearchField({ defaultValue, hint }: { defaultValue?: string; hint?: string }) {
  const { t } = useTranslation();
  return (
    <TextInput
      name="q"
      type="search"
      label={t("desk.filters.search")}
      description={hint}
      defaultValue={defaultValue ?? ""}
      maxLength={200}
    />
  );
}
