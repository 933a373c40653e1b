#!/bin/sh
echo "The native Prisma schema engine is not available offline. Use: npm run migration:create -- <name> (create a migration), npm run cli -- migrate (apply migrations), npm run migration:check (drift check). Unset PRISMA_SCHEMA_ENGINE_BINARY on a machine that can download Prisma's engines." >&2
exit 1
