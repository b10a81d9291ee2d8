"""Fixture works for the publishing tests, written in code.

The story "Ақ қар" ("White Snow") and its translations were written for kazlit's
tests (CC0); the author, Ғалым Өтеуов (Ğalym Öteuov in the 2021 Latin alphabet), is
fictional. The Kazakh text uses every letter specific to Kazakh (ә ғ қ ң ө ұ ү һ і)
so that font subsetting is tested on them. The translations are careful but
unreviewed by native editors; they are test data, not a publication.
"""

from __future__ import annotations

from kazlit.corpus import Block, Chapter, Document, Person, Work, WorkMeta

TEXTS: dict[str, list[tuple[str, list[str]]]] = {
    "kk-Cyrl": [
        (
            "Бірінші тарау. Дала",
            [
                "Таң атқанда ауылдың үстіне ақ қар жауды. Дала бір түнде ағарып шықты.",
                (
                    "Әже пешке от жағып, шәйнекті қойды. «Қыс келді, балам», — деді ол. "
                    "Гауһар көзді Ұлжан терезеден қарап тұрды."
                ),
            ],
        ),
        (
            "Екінші тарау. Жол",
            [
                (
                    "Біз шанамен Өзенқұмға қарай жүрдік. Мұз қалың еді, ал аспан ашық. "
                    "Ғалым ағай алдымызда жаяу келе жатты; Үйірдегі жылқылар кісінеді. "
                    "Қақпаға «ІҢІР ҺӘМ ТАҢ» деп жазылған."
                ),
                "Қар үстінде түлкінің ізі жатты,\nізі жатты — өзі жоқ.",
            ],
        ),
    ],
    # Written by hand in the 2021 Latin alphabet (Ә→Ä, Ғ→Ğ, Ң→Ñ, Ө→Ö, Ш→Ş, Ұ→Ū, Ү→Ü,
    # І→I/ı, И and Й→İ/i, Ж→J, Қ→Q, Ы→Y), with one line in capitals so that the
    # capitals are in the text too. Used where a kk-Latn text is needed without
    # kazlit.translit (font subsetting).
    "kk-Latn": [
        (
            "Bırınşı tarau. Dala",
            [
                "Tañ atqanda auyldyñ üstıne aq qar jaudy. Dala bır tünde ağaryp şyqty.",
                (
                    "Äje peşke ot jağyp, şäinektı qoidy. «Qys keldı, balam», — dedı ol. "
                    "Ğalym, İslam men Ūljan Özenqūmğa Üiırden keldı."
                ),
                "ŞANA, ÄJE, ĞALYM, TAÑ, ÖZEN, ŪLJAN, ÜI, İZ: bärı aq.",
            ],
        ),
    ],
    "ru": [
        (
            "Глава первая. Степь",
            [
                "На рассвете над аулом выпал белый снег. Степь за одну ночь побелела.",
                (
                    "Бабушка растопила печь и поставила чайник. «Пришла зима, дитя моё», — "
                    "сказала она. Кареглазая Улжан смотрела в окно."
                ),
            ],
        ),
        (
            "Глава вторая. Дорога",
            [
                (
                    "Мы поехали на санях к Озенкуму. Лёд был толстым, а небо — ясным. "
                    "Дядя Галым шёл впереди пешком; в табуне ржали лошади. "
                    "На воротах было написано «СУМЕРКИ И РАССВЕТ»."
                ),
                "На снегу лежал лисий след,\nслед лежит — а лисы нет.",
            ],
        ),
    ],
    "en": [
        (
            "Chapter One. The Steppe",
            [
                (
                    "At dawn white snow fell over the village. In a single night the steppe "
                    "turned white."
                ),
                (
                    "Grandmother lit the stove and put the kettle on. “Winter has come, my "
                    "child,” she said. Dark-eyed Ulzhan stood watching from the window."
                ),
            ],
        ),
        (
            "Chapter Two. The Road",
            [
                (
                    "We rode the sledge towards Ozenkum. The ice was thick and the sky was "
                    "clear. Uncle Galym walked ahead of us; the horses in the herd neighed. "
                    "On the gate was written “DUSK AND DAWN”."
                ),
                "A fox’s track lay on the snow,\nthe track is here — the fox is gone.",
            ],
        ),
    ],
    "zh-Hans": [
        (
            "第一章 草原",
            [
                "黎明时分，白雪落在村庄上空。一夜之间，草原变白了。",
                "奶奶生起炉火，放上茶壶。她说：“冬天来了，孩子。”黑眼睛的乌丽詹站在窗前望着。",
            ],
        ),
        (
            "第二章 道路",
            [
                (
                    "我们坐着雪橇向厄曾库姆走去。冰很厚，天空晴朗。加雷姆叔叔走在我们前面；马群里的马在嘶鸣。"
                    "大门上写着“黄昏与黎明”。"
                ),
                "雪地上有狐狸的足迹，\n足迹还在——狐狸已不见。",
            ],
        ),
    ],
    "ar": [
        (
            "الفصل الأول: السهوب",
            [
                "عند الفجر تساقط الثلج الأبيض على القرية. وفي ليلة واحدة ابيضّت السهوب.",
                (
                    "أشعلت الجدة الموقد ووضعت الإبريق. وقالت: «لقد جاء الشتاء يا صغيري». "
                    "وكانت أولجان ذات العينين السوداوين تنظر من النافذة."
                ),
            ],
        ),
        (
            "الفصل الثاني: الطريق",
            [
                (
                    "مضينا بالزلّاجة نحو أوزينكوم. كان الجليد سميكًا والسماء صافية. "
                    "وكان العم غاليم يمشي أمامنا؛ وصهلت الخيول في القطيع. "
                    "وكان مكتوبًا على البوابة «الغسق والفجر»."
                ),
                "على الثلج أثر ثعلب،\nالأثر باقٍ — والثعلب غاب.",
            ],
        ),
    ],
}

TEXTS["fr"] = [
    (
        "Chapitre premier. La steppe",
        [
            (
                "À l’aube, la neige blanche tomba sur le village. En une seule nuit, la steppe "
                "devint blanche."
            ),
            (
                "Grand-mère alluma le poêle et mit la bouilloire. « L’hiver est venu, mon "
                "enfant », dit-elle. Ouljan aux yeux sombres regardait par la fenêtre."
            ),
        ],
    ),
    (
        "Chapitre deux. La route",
        [
            (
                "Nous allâmes en traîneau vers Ozenkoum. La glace était épaisse et le ciel "
                "clair. Oncle Galym marchait devant nous ; les chevaux du troupeau hennirent. "
                "Sur le portail était écrit « CRÉPUSCULE ET AUBE »."
            ),
            "Sur la neige, une trace de renard,\nla trace est là — le renard est parti.",
        ],
    ),
]
TEXTS["es"] = [
    (
        "Capítulo primero. La estepa",
        [
            (
                "Al amanecer cayó nieve blanca sobre la aldea. En una sola noche la estepa se "
                "volvió blanca."
            ),
            (
                "La abuela encendió la estufa y puso la tetera. «Ha llegado el invierno, mi "
                "niño», dijo. Ulzhán, la de ojos oscuros, miraba por la ventana."
            ),
        ],
    ),
    (
        "Capítulo segundo. El camino",
        [
            (
                "Fuimos en trineo hacia Ozenkum. El hielo era grueso y el cielo estaba "
                "despejado. El tío Galym caminaba delante; los caballos de la manada "
                "relincharon. En el portón estaba escrito «CREPÚSCULO Y ALBA»."
            ),
            "Sobre la nieve, el rastro de un zorro,\nel rastro sigue — el zorro se fue.",
        ],
    ),
]

TITLES = {
    "kk-Cyrl": "Ақ қар",
    "kk-Latn": "Aq qar",
    "ru": "Белый снег",
    "en": "White Snow",
    "zh-Hans": "白雪",
    "ar": "الثلج الأبيض",
    "fr": "Neige blanche",
    "es": "Nieve blanca",
}
SUBTITLES = {"kk-Cyrl": "Әңгіме", "ru": "Рассказ", "en": "A Story"}
TRANSLATORS = {
    "ru": (Person("Анна Ким", "Anna Kim", "trl"),),
    "en": (Person("Jane Miller", None, "trl"),),
    "zh-Hans": (Person("李华", None, "trl"),),
    "ar": (Person("سلمى حداد", None, "trl"),),
}


def document(tag: str) -> Document:
    return Document(
        tag,
        tuple(Chapter(title, tuple(Block(text) for text in paras)) for title, paras in TEXTS[tag]),
    )


def make_work(
    langs: tuple[str, ...] = ("kk-Cyrl", "ru", "en", "zh-Hans", "ar"),
    *,
    work_id: str = "ak-kar",
    year: int | None = 2026,
) -> Work:
    meta = WorkMeta(
        id=work_id,
        genre="literature",
        titles={t: TITLES[t] for t in TITLES if t in langs or t in {"kk-Cyrl", "kk-Latn"}},
        subtitles={t: s for t, s in SUBTITLES.items() if t in langs},
        authors=(Person("Ғалым Өтеуов", "Ğalym Öteuov", "aut"),),
        translators={t: p for t, p in TRANSLATORS.items() if t in langs},
        year=year,
        licence="CC0-1.0",
    )
    return Work(meta, {tag: document(tag) for tag in langs})


def tiny_work(number: int, langs: tuple[str, ...] = ("kk-Cyrl", "en")) -> Work:
    """A small work of one chapter for anthologies (numbered, so each is distinct)."""
    docs = {}
    for tag in langs:
        title, paras = TEXTS[tag][number % 2]
        docs[tag] = Document(tag, (Chapter(title, tuple(Block(p) for p in paras)),))
    meta = WorkMeta(
        id=f"work-{number:03d}",
        genre="literature",
        titles={t: f"{TITLES[t]} {number}" for t in langs},
        authors=(Person(f"Автор {number}", f"Avtor {number}", "aut"),),
        year=2020 + number % 6,
    )
    return Work(meta, docs)
