"""The demo's house ads (#20): the paper advertising its own newsletter and
app in a few slots, so a newcomer sees what slots look like. The image is
drawn from ``image`` at the slot's size, twice over for sharp screens."""

HOUSE_ADS = [
    {"name": "ترويسة-النشرة", "placement": "header", "width": 728, "height": 90,
     "image": "economy-house-ad", "link": "/", "alt": "اشترك في نشرة الصباح"},
    {"name": "بعد-الفقرة-الثالثة", "placement": "in_body", "position": 3,
     "width": 300, "height": 250, "image": "technology-house-ad", "link": "/",
     "alt": "حمّل تطبيق نشرة"},
    {"name": "بين-الكتل", "placement": "between_blocks", "position": 2,
     "width": 728, "height": 90, "image": "culture-house-ad", "link": "/",
     "alt": "اقرأ ملحق الثقافة الأسبوعي"},
]  # fmt: skip
