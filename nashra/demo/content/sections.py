"""The demo newspaper's sections, in menu order.

"ثقافة" keeps an Arabic slug on purpose: it exercises unicode URLs end to end.
``SUBSECTIONS`` sit inside a section (#20): their URLs nest
(/sport/football/…), their parent's page lists their stories too, and the
menu's panel of the parent links to them.
"""

SECTIONS = [
    {
        "slug": "world",
        "title": "أخبار العالم",
        "title_en": "World",
        "description": "الأحداث الدولية والإقليمية ومتابعة تداعياتها على المنطقة.",
    },
    {
        "slug": "local",
        "title": "محليات",
        "title_en": "Local",
        "description": "شؤون المدينة والبلديات والخدمات اليومية التي تمسّ حياة السكان.",
    },
    {
        "slug": "economy",
        "title": "اقتصاد",
        "title_en": "Economy",
        "description": "الأسواق والمال والأعمال وقرارات البنوك المركزية بلغة واضحة.",
    },
    {
        "slug": "sport",
        "title": "رياضة",
        "title_en": "Sport",
        "description": "نتائج المباريات وتحليلاتها وأخبار الأندية والمنتخبات.",
    },
    {
        "slug": "technology",
        "title": "تكنولوجيا",
        "title_en": "Technology",
        "description": "التقنية والشركات الناشئة والذكاء الاصطناعي وأثرها في حياتنا.",
    },
    {
        "slug": "ثقافة",
        "title": "ثقافة وفنون",
        "title_en": "Culture & Arts",
        "description": "الكتب والسينما والمسرح والتراث وحوارات مع المبدعين.",
    },
    {
        "slug": "health",
        "title": "صحة",
        "title_en": "Health",
        "description": "أخبار الطب والصحة العامة ونصائح مبنية على الأدلة العلمية.",
    },
]

SUBSECTIONS = [
    {
        "slug": "football",
        "parent": "sport",
        "title": "كرة القدم",
        "title_en": "Football",
        "description": "الدوري المحلي ونتائجه وحقوق بثّه وأخبار الأندية.",
    },
    {
        "slug": "markets",
        "parent": "economy",
        "title": "أسواق",
        "title_en": "Markets",
        "description": "البورصة وأسعار الفائدة وحركة المال يوماً بيوم.",
    },
]
