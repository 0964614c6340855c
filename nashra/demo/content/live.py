"""The demo newspaper's live coverage: one running live page (#15).

Entries are listed oldest first, each with how many minutes ago it was
posted and whether it is a key event or pinned. Fictional, as all the demo.
"""

LIVE_PAGES = [
    {
        "section": "sport",
        "slug": "نهائي-كأس-المدن-مباشر",
        "title": "مباشر: نهائي كأس المدن بين الساحل والجبل",
        "summary": "تغطية لحظة بلحظة للمباراة النهائية من الملعب البلدي.",
        "authors": ["samer-qadi"],
        "entries": [
            (
                55,
                "مرحبًا بكم في تغطيتنا المباشرة لنهائي كأس المدن. "
                "الجماهير تملأ المدرجات قبل ساعة من صافرة البداية.",
                False,
                True,
            ),
            (
                40,
                "التشكيلتان الرسميتان: الساحل بطريقة 4-3-3 والجبل بطريقة 4-4-2.",
                False,
                False,
            ),
            (30, "صافرة البداية! انطلقت المباراة وسط أجواء حماسية.", True, False),
            (18, "هدف! الساحل يتقدم برأسية من ركلة ركنية في الدقيقة 12.", True, False),
            (6, "بطاقة صفراء للاعب وسط الجبل بعد تدخل قوي.", False, False),
        ],
    },
]
