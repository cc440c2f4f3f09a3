# shellcheck shell=bash
# Segmentation accuracy on the UD English test sets (raw text rebuilt from the gold files,
# scored like the CoNLL 2018 shared task). Sourced by scripts/gates.sh; thresholds sit a little
# under the figures in docs/SEGMENTATION.md.

segment_gate() {  # segment_gate GOLD.conllu MIN_TOKENS_F1 MIN_SENTENCES_F1
  "$bin" eval segment "$1" >"$out/segment.txt" || return 1
  awk -v f="${1##*/}" -v t="$2" -v s="$3" '
    $1 == "Tokens" { tf = $4 }
    $1 == "Sentences" { sf = $4 }
    END {
      printf "  %s: tokens F1 %s (min %s), sentences F1 %s (min %s)\n", f, tf, t, sf, s
      exit !(tf + 0 >= t + 0 && sf + 0 >= s + 0)
    }' "$out/segment.txt"
}

gate segment-ewt segment_gate "$shared/data/ud/en_ewt-ud-test.conllu" 99.2 87.5
gate segment-gum segment_gate "$shared/data/ud/en_gum-ud-test.conllu" 99.5 94.5
