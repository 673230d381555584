#!/usr/bin/env python3
"""Issue 21, one-off: add `sources:` and `reviewed: 2026-12` to the pages, sections, blocks and glossary entries listed below.
Run from the repository root once the evidence schema (sources/reviewed keys) is in main, then `nnguide lint`; delete this file after.
Idempotent: an item that already has `sources:` is left alone. Every id below exists in Content/sources.yaml (checked)."""
import re, sys
REV = "2026-12"

SECTIONS = {  # page or section id -> sources (file found by search)
 "llm-first-workflow": ["batch-api-discount", "vllm"],
 "reasoning-models": ["reasoning-tokens-docs", "claude-extended-thinking", "gpt-oss", "deepseek-r1"],
 "adapting-llms": ["qlora", "dpo", "llm-as-judge", "llama-licence", "gpt-oss", "deepseek-r1"],
 "retrieval-engineering": ["mteb", "matryoshka", "embedding-quantization", "colbert", "colpali"],
 "audio-and-speech": ["whisper", "whisper-large-v3-turbo", "beats", "ast-card", "wavlm"],
 "anomaly-detection-practice": ["adbench", "patchcore", "padim", "efficientad"],
 "forecasting-today": ["dlinear", "m5-accuracy"],
 "hyperparameter-search": ["random-search"],
 "online-evaluation": ["kohavi-2020"],
 "training-serving-skew": ["rules-of-ml"],
 "security-and-privacy": ["owasp-llm-top10"],
 "detection-segmentation-choice": ["yolo26-release", "rt-detr", "sam3"],
 "vision-backbones-2026": ["dinov3", "dinov3-licence", "siglip2"],
 "vlm-document-ai": ["colpali", "layoutlmv3-card", "colbert"],
 "point-clouds-3d": ["pointnet2", "ptv3", "pointpillars", "centerpoint", "depth-anything-v2", "depth-anything-v2-large-card"],
 "small-tables": ["tabpfn-nature", "tabpfn-changelog", "tabular-dl-not-all"],
 "data-centric-tools": ["label-errors"],
 "ranking-and-recommendation": ["dlrm"],
 "statistical-rigour": ["demsar-2006"],
 "conformal-prediction-practice": ["cqr"],
 "sizing": ["chinchilla", "vllm"],
 "deployment-formats-2026": ["executorch-1-0", "gguf-hub-docs", "awq", "gptq", "transformer-engine", "litert-migration", "openvino-weight-compression"],
 "eu-ai-act": ["eu-ai-act", "ai-omnibus-adopted", "ai-omnibus-deal", "gpai-guidelines"],
 "diffusion-today": ["dit", "flux-schnell-card"],
 # guide sections whose current-practice sentences were revised for issue 21
 "deployment-architectures": ["guide", "pytorch-serve-archived"],
 "serialization": ["guide", "torchscript-deprecated"],
 "monitoring": ["guide", "whylabs-discontinued", "whylogs-repo"],
 "variants-vision": ["guide", "yolo26-release", "sam3", "yolo26-docs"],
 "pitfall-from-scratch": ["guide"],
}
GLOSSARY = {
 "wavlm": ["wavlm"], "padim": ["padim"], "efficientad": ["efficientad"], "dlinear": ["dlinear"],
 "reasoning-model": ["reasoning-tokens-docs", "deepseek-r1", "gpt-oss"], "dpo": ["dpo"],
 "llm-as-judge": ["llm-as-judge"], "open-weights": ["llama-licence", "gpt-oss", "deepseek-r1"],
 "mteb": ["mteb"], "matryoshka-embedding": ["matryoshka"], "colbert": ["colbert"], "colpali": ["colpali"],
 "dino": ["dinov3", "dinov3-licence"], "siglip": ["siglip2"], "pointnet": ["pointnet2"],
 "point-transformer": ["ptv3"], "lidar-detection": ["pointpillars", "centerpoint"],
 "monocular-depth": ["depth-anything-v2", "depth-anything-v2-large-card"],
 "weight-only-quantization": ["awq", "gptq"], "fp8": ["transformer-engine"], "gguf": ["gguf-hub-docs"],
 "executorch": ["executorch-1-0"], "eu-ai-act": ["eu-ai-act", "ai-omnibus-adopted"],
 "tabpfn": ["tabpfn-nature", "tabpfn-changelog"], "yolo": ["yolo26-release"], "segment-anything": ["sam3"],
 "tabnet": ["tabular-dl-not-all", "revisiting-tabular-dl"], "whisper": ["whisper", "whisper-large-v3-turbo"],
 "beats": ["beats"], "audio-spectrogram-transformer": ["ast-card"], "patchcore": ["patchcore"],
 "detr": ["rt-detr"], "dlrm": ["dlrm"], "transformer": ["transformer-paper"], "vit": ["vit-paper"], "clip": ["clip-paper"], "bert": ["bert-paper"], "mamba": ["mamba-paper"], "lora": ["lora-paper", "qlora"], "resnet": ["resnet-paper"], "efficientnet": ["efficientnet-paper"], "convnext": ["convnext-paper"], "mobilenet": ["mobilenetv3-paper"], "gcn": ["gcn-paper"], "gat": ["gat-paper"], "wav2vec2": ["wav2vec2-paper"], "hubert": ["hubert-paper"], "ft-transformer": ["revisiting-tabular-dl"], "random-search": ["random-search"], "cqr": ["cqr"], "compute-optimal-scaling": ["chinchilla"], "dit": ["dit"],
 "torchscript": ["torchscript-deprecated"], "tflite": ["litert-migration"], "openvino": ["openvino-weight-compression"], "fine-tuning": ["guide"], "t5": ["nllb-card"],
}
# added blocks inside guide pages: (file, a unique line inside the block, sources)
BLOCKS = [
 ("Content/pages/80-part8.yaml", "label: ExecuTorch", ["executorch-1-0", "gguf-hub-docs", "openvino-weight-compression"]),
 ("Content/pages/50-part5.yaml", "title: Tabular deep learning, as of 2026", ["tabpfn-nature", "tabular-dl-not-all", "revisiting-tabular-dl"]),
 ("Content/pages/50-part5.yaml", "title: Security logs, as practised", ["guide", "adbench"]),
 ("Content/pages/40-part4.yaml", "title: Translation and summarisation, as of 2026", ["nllb-card"]),
]

def fmt(src): return "[" + ", ".join(src) + "]"

def add_after_origin(lines, start, indent, src):
    """Insert the keys after the first `origin:` line at `indent` from `start` on."""
    for j in range(start, len(lines)):
        if lines[j].startswith(" " * indent + "origin:"):
            k = j + 1
            block = lines[start:j + 8]
            if any(l.startswith(" " * indent + "sources:") for l in block): return False
            lines[k:k] = [" " * indent + f"sources: {fmt(src)}\n", " " * indent + f"reviewed: {REV}\n"]
            return True
    raise SystemExit(f"no origin after line {start}")

def do_ids(path, mapping):
    lines = open(path).readlines(); done = set()
    i = 0
    while i < len(lines):
        m = re.match(r"^(\s*)- id: (\S+)\s*$", lines[i]) or re.match(r"^()id: (\S+)\s*$", lines[i])
        if m and m.group(2) in mapping and m.group(2) not in done:
            ind = len(m.group(1)) + (2 if lines[i].lstrip().startswith("- ") else 0)
            add_after_origin(lines, i, ind, mapping[m.group(2)]); done.add(m.group(2))
        i += 1
    open(path, "w").writelines(lines); return done

import glob
done = set()
for f in sorted(glob.glob("Content/pages/*.yaml")): done |= do_ids(f, SECTIONS)
done |= do_ids("Content/glossary.yaml", GLOSSARY)
missing = (set(SECTIONS) | set(GLOSSARY)) - done
for f, marker, src in BLOCKS:
    lines = open(f).readlines()
    idx = next(i for i, l in enumerate(lines) if marker in l)
    # the block's own `origin: added` sibling follows the block body at the block-key indent
    j = idx
    while not re.match(r"^\s+origin: added\s*$", lines[j]): j += 1
    ind = len(lines[j]) - len(lines[j].lstrip())
    if not lines[j + 1].strip().startswith("sources:"):
        lines[j + 1:j + 1] = [" " * ind + f"sources: {fmt(src)}\n", " " * ind + f"reviewed: {REV}\n"]
    open(f, "w").writelines(lines)
print("missing ids:", sorted(missing))
