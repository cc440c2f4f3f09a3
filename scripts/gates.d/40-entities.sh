# shellcheck shell=bash
# SPDX-License-Identifier: Apache-2.0
# Entity gates (docs/ENTITIES.md): NER exact span+type F1 on UNER English-EWT test (gold
# tokens, PER/ORG/LOC as UNER maps them), person coreference link accuracy on GUM test, and
# every entity and title item of the seed articles. Thresholds sit just under the figures
# measured with the committed model (NER 76.69 with GloVe-tree clusters, the GeoNames/WordNet
# name lists, document case and the article-level propagation; coreference 91.2, see
# docs/ENTITIES.md). Sourced by
# scripts/gates.sh.

gate ner-uner-ewt-test "$bin" eval ner "$shared/data/ner/uner_en_ewt/en_ewt-ud-test.iob2" \
  --min-f1 "${DL_GATE_NER_F1:-77.2}"
gate coref-gum-test "$bin" eval coref "$shared/data/ud/en_gum-ud-test.conllu" \
  --min-accuracy "${DL_GATE_COREF:-90.8}"

seed_entity_items() {
  python3 "$shared/tools/seedcheck.py" "$shared/seeds/expected.json" "$out/seeds.jsonl" \
    --min-recall 0 --min-precision 0 >"$out/seedcheck-entities.txt" || true
  ! grep -E 'MISSED (entity|title)' "$out/seedcheck-entities.txt"
}
gate seed-entities seed_entity_items
