"""A fictional daily podcast whose episodes are audio stories (#20).

The loader makes each episode's sound in code (a short WAV tone, no
download); ``seconds`` is how long it plays and ``pitch`` tells them apart.
"""

PODCASTS = [
    {
        "slug": "نشرة-الصباح",
        "title": "نشرة الصباح",
        "description": "موجز أخبار اليوم في دقائق، من غرفة أخبار نشرة: العالم "
        "والاقتصاد والمدينة قبل أن تبدأ يومك.",
        "author": "نشرة",
        "owner_name": "فريق بودكاست نشرة",
        "owner_email": "podcast@nashra.example",
        "category": "News/Daily News",
        "section": "world",
        "cover": "world-podcast-cover",
        "episodes": [
            {
                "slug": "نشرة-الصباح-الحلقة-1",
                "title": "نشرة الصباح: قمة المناخ وأسعار الخبز",
                "summary": "سامر القاضي وليلى الحدّاد عن وعود قمة المناخ، ولماذا "
                "ارتفع سعر الخبز هذا الأسبوع.",
                "authors": ["samer-qadi", "layla-haddad"],
                "number": 1,
                "seconds": 14,
                "pitch": 330,
                "hours_ago": 50,
            },
            {
                "slug": "نشرة-الصباح-الحلقة-2",
                "title": "نشرة الصباح: حافلات المدينة الجديدة",
                "summary": "خالد البنّاء يركب الخط الأول من شبكة الحافلات الكهربائية "
                "ويسأل الركاب عن رأيهم.",
                "authors": ["khaled-bannaa"],
                "number": 2,
                "seconds": 12,
                "pitch": 392,
                "hours_ago": 26,
            },
            {
                "slug": "نشرة-الصباح-الحلقة-3",
                "title": "نشرة الصباح: الذكاء الاصطناعي في الصفوف",
                "summary": "نادين شهاب وسامر القاضي وهالة منصور عن مدارس تجرّب "
                "المساعدات الذكية، وما يقلق المعلمين.",
                "authors": ["nadine-shehab", "samer-qadi", "hala-mansour"],
                "number": 3,
                "seconds": 16,
                "pitch": 440,
                "hours_ago": 3,
            },
        ],
    },
]
