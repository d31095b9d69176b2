#!/usr/bin/env bash
# Seeds the fuzz corpora (fuzz/corpus/ is gitignored): the bundled configuration files for
# config_file, the documented operation lines for operation_line, and a few values for the
# parsers (hand-written, from the crate's doc examples and Stripe's documented shapes). Run
# from anywhere; idempotent.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p corpus/config_file corpus/operation_line corpus/parse_keys corpus/money \
  corpus/connection_settings corpus/oauth_callback corpus/api_version corpus/stripe_error
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
# Issue 20: a billing run's lines with descriptors, metadata, descriptions and idempotency
# keys (two in ten of examples/billing-run.jsonl, its mistakes among them).
awk 'NR % 10 == 1 || NR % 10 == 4' ../examples/billing-run.jsonl | \
  bash -c 'n=0; while IFS= read -r line; do n=$((n + 1)); printf "%s" "$line" > "corpus/operation_line/billing-$n.json"; done'
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
# Writes each non-empty line of stdin to corpus/$1/seed-N.
seed_lines() {
  local n=0 line
  while IFS= read -r line; do
    [ -n "$line" ] || continue
    n=$((n + 1))
    printf '%s' "$line" > "corpus/$1/seed-$n"
  done
}
# connection_settings: JSON drafts (S1's fields), and name/timeout/key/version lines.
seed_lines connection_settings <<'LINES'
{"name": "Stripe (live)", "active": true, "is_source": true, "timeout_ms": "30000", "secret_key": "sk_live_4eC39HqLyjWDarjtT1zdp7dc", "api_version": "2025-03-31.basil"}
{"name": "Stripe", "active": true, "is_target": true, "timeout_ms": 30000, "secret_key": "sk_test_4eC39HqLyjWDarjtT1zdp7dc", "api_version": "2024-06-20"}
{"name": "", "active": true, "timeout_ms": -5, "secret_key": "pk_test_TYooMQauvdEDq54NiTphI7jx", "api_version": "2024-09-30"}
{"name": "x", "timeout_ms": 1e3, "secret_key": "rk_live_51HxYzAbCdEfGhIjKlMnOpQr", "api_version": "2027-03-31.fig", "extra": 1}
{}
LINES
printf 'Stripe (live)
30000
sk_live_4eC39HqLyjWDarjtT1zdp7dc
2025-03-31.basil' > corpus/connection_settings/fields-1
printf 'Stripe
0
whsec_abcdefghijklmnopqrstuvwxyz012345
2024-06-20.' > corpus/connection_settings/fields-2
# oauth_callback: callback queries, redirect URIs, token responses (stripe-facts section 6).
seed_lines oauth_callback <<'LINES'
code=ac_123456789abcdefghijklmnop&scope=read_write&state=k3J9xQ2mVb7LwZ4pT8rN
error=access_denied&error_description=The%20user%20denied%20your%20request&state=k3J9xQ2mVb7LwZ4pT8rN
state=k3J9xQ2mVb7LwZ4pT8rN&code=ac_1&code=ac_2
https://billing.example.com/stripe/callback
http://user:pass@billing.example.com/cb#frag
{"access_token": "sk_test_4eC39HqLyjWDarjtT1zdp7dcAbCdEf", "livemode": false, "refresh_token": "rt_9kSdf8Lx2Qw3ErTy5UiOp7AsDfGh", "scope": "read_write", "stripe_publishable_key": "pk_test_TYooMQauvdEDq54NiTphI7jx", "stripe_user_id": "acct_1R3fqDP6919yCiFv", "token_type": "bearer"}
{"error": "invalid_grant", "error_description": "Authorization code does not exist: ac_123"}
LINES
# api_version: the shapes of Stripe's versions (stripe-facts section 9) and near misses.
seed_lines api_version <<'LINES'
2024-06-20
2025-03-31.basil
2026-09-30.endive
2025-04-30.preview
2025-03-01.dashboard
2027-03-31.fig
2024-09-30
2024-13-01
2023-02-29
2024-06-20.
2024-06-20.Basil
２０２４-06-20
LINES
# stripe_error: error bodies as in https://docs.stripe.com/api/errors and the diagnosis docs.
seed_lines stripe_error <<'LINES'
{"error": {"type": "invalid_request_error", "code": "amount_too_large", "message": "Amount must be no more than 999,999.99", "param": "amount"}}
{"error": {"code": "amount_too_small", "message": "Amount must be at least $0.50 usd", "param": "amount", "type": "invalid_request_error"}}
{"error": {"type": "card_error", "code": "card_declined", "decline_code": "insufficient_funds", "message": "Your card has insufficient funds.", "payment_intent": {"status": "requires_payment_method"}}}
{"error": {"message": "Sending credit card numbers directly to the Stripe API is generally unsafe.", "type": "invalid_request_error"}}
{"type": "api_error", "message": "Amount must convert to at least 50 cents."}
{"error": {"code": 402}}
LINES
echo "seeded: $(ls corpus/config_file | wc -l) config files, $(ls corpus/operation_line | wc -l) operation lines"
