-- Issue 16: orders, the vendor accounts created from them, their PDFs, the wholesale contracts
-- recorded, quotas and quota requests are their customer's (and the provider staff's): row-level
-- security as migrations 0003 and 0005.
SELECT guichet_isolate_tenants(keyed) FROM unnest(ARRAY['orders', 'vendor_accounts', 'order_documents',
  'wholesale_contracts', 'resource_quotas', 'quota_requests']) AS keyed;
