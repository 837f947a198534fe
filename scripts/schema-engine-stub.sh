#!/bin/sh
# Stands in for Prisma's native schema-engine binary, which cannot be downloaded
# offline. `prisma generate/validate/format` never call it; migrations run on the
# wasm engine through `npm run db:migrate` instead.
echo "The native Prisma schema engine is not installed here; use 'npm run db:migrate' (wasm engine)." >&2
exit 1
