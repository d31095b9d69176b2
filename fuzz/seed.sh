#!/usr/bin/env bash
# Seeds the fuzz corpora (fuzz/corpus/ is gitignored): the bundled configuration files for
# config_file, the documented operation lines for operation_line, and a few values for the
# parsers. Run from anywhere; idempotent.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p corpus/config_file corpus/operation_line corpus/parse_keys corpus/money
cp ../examples/configs/*.json corpus/config_file/
i=0
while IFS= read -r line; do
  [ -n "$line" ] || continue
  i=$((i + 1))
  printf '%s' "$line" > "corpus/operation_line/doc-$i.json"
done <<'LINES'
{"op":"sale","amount":"12.00","currency":"USD","card":"new","customer_email":"a@shop.example"}
{"op":"authorize","amount":"12.00","currency":"USD","card":"saved"}
{"op":"capture","amount":"10.00","currency":"USD","authorized_amount":"10.00","authorized_at":"2026-11-01T10:00:00Z","at":"2026-11-07T09:00:00Z","brand":"visa","initiator":"customer","presence":"online","extended":false}
{"op":"refund","amount":"5.00","currency":"USD","captured_amount":"10.00","refunded_amount":"0.00"}
{"op":"void"}
{"op":"save_payment_method","customer_email":"a@shop.example"}
{"op":"delete_payment_method"}
LINES
i=0
for v in sk_live_4eC39HqLyjWDarjtT1zdp7dc rk_test_51HxYzAbCdEfGhIjKlMnOpQr pk_live_TYooMQauvdEDq54NiTphI7jx \
         acct_1R3fqDP6919yCiFv ca_FkyHCg7X8mlvCUdMDao4mMxagUfhIwXb whsec_abcdefghijklmnopqrstuvwxyz012345 \
         cs_9f8e7d6c5b4a39281706f5e4 "Bearer sk_test_4eC39HqLyjWDarjtT1zdp7dc" live test; do
  i=$((i + 1))
  printf '%s' "$v" > "corpus/parse_keys/seed-$i"
done
i=0
for v in "0.50 USD" "500 JPY" "5.00 ISK" "5.120 KWD" "-12 jpy" "999999.99 USD" "9999999999.99 IDR" "0.5014" "1e3"; do
  i=$((i + 1))
  printf '%s' "$v" > "corpus/money/seed-$i"
done
echo "seeded: $(ls corpus/config_file | wc -l) config files, $(ls corpus/operation_line | wc -l) operation lines"
