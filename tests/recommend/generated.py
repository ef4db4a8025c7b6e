"""Generated documents whose right answer is known: sentences made from templates whose
slots are filled with actors, mechanisms and threats, every filler tagged."""

from __future__ import annotations

import random

from annotator.recommend.data import Example

STATES = ["中国", "俄罗斯", "哈萨克斯坦", "吉尔吉斯斯坦", "塔吉克斯坦", "乌兹别克斯坦", "印度",
          "巴基斯坦", "蒙古", "伊朗", "白俄罗斯", "土耳其", "柬埔寨", "老挝", "越南", "泰国"]
THREATS = ["恐怖主义", "极端主义", "分裂主义", "毒品走私", "跨国有组织犯罪", "网络犯罪",
           "非法贩运武器", "电信网络诈骗", "跨境赌博", "洗钱", "人口贩卖", "网络恐怖主义"]
BODIES = ["地区反恐怖机构", "信息安全中心", "禁毒中心", "联合工作组", "协调办公室",
          "执法合作中心", "反恐怖委员会", "安全合作秘书处"]
TEMPLATES = [
    "{state}与{state}同意共同打击{threat}。",
    "{state}代表表示，{threat}是地区安全的主要威胁。",
    "会议决定由{body}负责协调各方打击{threat}的行动。",
    "{body}发布报告，{state}境内的{threat}案件有所减少。",
    "{state}愿同{state}加强合作，依托{body}应对{threat}。",
    "据悉，{body}将于明年在{state}举行会议。",
]
TAGS = {"state": "actor.state", "threat": "threat.terrorism", "body": "mechanism.body"}


def sentence(rng: random.Random, vocab: dict[str, list[str]]) -> tuple[str, list]:
    template = rng.choice(TEMPLATES)
    text, spans = "", []
    for piece in template.replace("}", "{").split("{"):
        if piece in TAGS:
            word = rng.choice(vocab[piece])
            spans.append((len(text), len(text) + len(word), TAGS[piece]))
            text += word
        else:
            text += piece
    return text, spans


def documents(count: int, sentences: int = 30, seed: int = 1,
              vocab: dict[str, list[str]] | None = None, prefix: str = "g") -> list[Example]:
    vocab = vocab or {"state": STATES, "threat": THREATS, "body": BODIES}
    rng = random.Random(seed)
    out = []
    for d in range(count):
        text, spans = "", []
        for _ in range(sentences):
            piece, found = sentence(rng, vocab)
            spans += [(s + len(text), e + len(text), t) for s, e, t in found]
            text += piece
            if rng.random() < 0.2:
                text += "\n"
        out.append(Example(f"{prefix}{d}", text, tuple(spans)))
    return out
