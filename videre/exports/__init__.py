"""Open data: the same records as JSON, CSV and Open Referral HSDS, for other systems."""
