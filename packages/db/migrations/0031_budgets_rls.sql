-- Budgets and their alerts belong to a customer (row-level security like 0003 and 0005).
SELECT guichet_isolate_tenants(keyed) FROM unnest(ARRAY['budgets', 'budget_alerts']) AS keyed;
