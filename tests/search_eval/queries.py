"""Evaluation queries with their relevant article ids (#5).

``kind`` names the spelling problem a query exercises. The relevant ids are
the articles a reader asking this would want; ``no_result`` queries have
none, and any hit for them counts against the backend.
"""

KINDS = (
    "alef",
    "hamza",
    "taa_marbuta",
    "alef_maqsura",
    "harakat",
    "tatweel",
    "digits",
    "clitic_prefix",
    "suffix",
    "latin_case",
    "multi_word",
    "phrase",
    "exclusion",
    "no_result",
)

# (query, kind, relevant article ids)
_QUERIES = [
    # alef: written with أ إ آ in the article, typed with bare ا (or the reverse)
    ("الاسبوع المقبل", "alef", {1, 58}),
    ("اسعار الذهب", "alef", {14}),
    ("الامم المتحدة", "alef", {4}),
    ("الاقصر", "alef", {17}),
    ("امسية", "alef", {31, 33, 36}),
    ("انس جابر", "alef", {25}),
    ("الالكترونية", "alef", {16, 19, 46, 49}),
    ("ألاهلي", "alef", {21}),
    # hamza on a seat: ؤ ئ and the seat typed alone
    ("الموتمر الصحفي", "hamza", {1}),
    ("رييس الحكومة", "hamza", {1}),
    ("مسؤول وزارة التموين", "hamza", {18}),
    ("الجزاير", "hamza", {7, 26}),
    ("هيئة الاتصالات", "hamza", {42}),
    ("الطوارئ", "hamza", {7, 43, 54}),
    ("لاجىء", "hamza", {8}),
    # taa marbuta written ة or ه
    ("المدرسة الابتدائية", "taa_marbuta", {62}),
    ("الحكومة الالكترونية", "taa_marbuta", {46}),
    ("مدرسه البرمجه", "taa_marbuta", {47}),
    ("كره اليد", "taa_marbuta", {26}),
    ("السياحه", "taa_marbuta", {9, 17, 37}),
    ("الطاقه الشمسيه", "taa_marbuta", {48, 62}),
    # alef maqsura ى / final ي
    ("مستشفي", "alef_maqsura", {24, 42, 52, 56, 57, 61}),
    ("القاضي", "alef_maqsura", {61}),
    ("الاهمال الطبي", "alef_maqsura", {61}),
    ("الموسيقي الرحبانية", "alef_maqsura", {36}),
    ("فى قضية", "alef_maqsura", {61}),
    ("المتنبى", "alef_maqsura", {33}),
    # harakat in the query or in the article
    ("المتنبي", "harakat", {33}),
    ("أُمْسِيَة شِعْرِيَّة", "harakat", {31, 33}),
    ("الطاقة الشمسية", "harakat", {48, 62}),
    ("مُسْتَشْفَى", "harakat", {24, 42, 52, 56, 57, 61}),
    ("الذَّهَب", "harakat", {14}),
    ("الأُولمبية", "harakat", {26, 27}),
    # tatweel in the query or in the article
    ("التضخم", "tatweel", {11, 15}),
    ("الثلوج", "tatweel", {60}),
    ("الشطـــرنج", "tatweel", {29}),
    ("مـاراثـون", "tatweel", {24}),
    ("جـرش", "tatweel", {36}),
    # digits: Arabic-Indic vs ASCII
    ("٨٤ دولارا", "digits", {12}),
    ("48 درجة", "digits", {59}),
    ("٢٠٣٠", "digits", {48}),
    ("5G", "digits", {42}),
    ("٦٠٠٠ جنيه", "digits", {10}),
    ("2019", "digits", {8}),
    # clitic prefixes on either side
    ("بوتين", "clitic_prefix", {3}),
    ("وبوتين", "clitic_prefix", {3}),
    ("بالذهب", "clitic_prefix", {14}),
    ("للمنتخب المغربي", "clitic_prefix", {23}),
    ("والسياحة", "clitic_prefix", {9, 17, 37}),
    ("وليفربول", "clitic_prefix", {22}),
    ("الوزير", "clitic_prefix", {1, 19, 48}),
    # suffixes: plural, dual, possessive
    ("لاعبين", "suffix", {21, 22, 23, 25, 29}),
    ("الانتخاب", "suffix", {2}),
    ("مدرستها", "suffix", {47, 62}),
    ("المغتربون", "suffix", {20}),
    ("المسؤول", "suffix", {1, 5, 8, 9, 17, 18, 34, 55}),
    ("البطاريات", "suffix", {19, 44, 48}),
    ("سبّاحات", "suffix", {27}),
    # Latin names and case
    ("macron", "latin_case", {9}),
    ("IPHONE", "latin_case", {44}),
    ("chatgpt", "latin_case", {41}),
    ("MICROSOFT", "latin_case", {50}),
    ("salah", "latin_case", {22}),
    ("Jabeur", "latin_case", {25}),
    ("python javascript", "latin_case", {47}),
    # several words, all expected
    ("اسعار النفط اوبك", "multi_word", {12}),
    ("معرض الكتاب القاهرة", "multi_word", {31}),
    ("اللاجئين السوريين لبنان", "multi_word", {8}),
    ("سعر الفائدة البنك المركزي", "multi_word", {11}),
    ("حمى الضنك البعوض", "multi_word", {55}),
    ("عاصفة رملية المطارات", "multi_word", {57}),
    ("قمر صناعي الارض", "multi_word", {45}),
    # quoted phrases
    ('"كأس العالم"', "phrase", {21, 23}),
    ('"الذكاء الاصطناعي"', "phrase", {41, 44}),
    ('"مجلس الأمن"', "phrase", {4}),
    ('"كرة السلة"', "phrase", {30}),
    ('"البنك المركزي"', "phrase", {11, 14, 20}),
    ('"الصحة النفسية"', "phrase", {56}),
    ("«حمى الضنك»", "phrase", {55}),
    # exclusions
    ("كرة -السلة -اليد", "exclusion", {21, 23}),
    ("المغرب -طنجة", "exclusion", {23}),
    ("لبنان -ماراثون -السلة", "exclusion", {1, 8, 60}),
    ("الفائدة -الذهب", "exclusion", {11}),
    ("الشمسية -قرية", "exclusion", {48}),
    ("الحرارة -الكهرباء", "exclusion", {5, 54, 58}),
    # nothing in the corpus should come back
    ("ديناصورات", "no_result", set()),
    ("xylophone", "no_result", set()),
    ("بطريق القطب الجنوبي", "no_result", set()),
    ("؟؟؟ ،،، «»", "no_result", set()),
    ("ً ٌ ٍ َ ُ ِ", "no_result", set()),
    ("-كرة", "no_result", set()),
    ("'; DROP TABLE articles; --", "no_result", set()),
    ("NEAR(x y) OR * ^ :", "no_result", set()),
]

QUERIES = [
    {"query": query, "kind": kind, "relevant": frozenset(relevant)}
    for query, kind, relevant in _QUERIES
]
