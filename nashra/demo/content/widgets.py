"""The demo's widgets (#20): a sidebar and a footer a newcomer can rearrange
in the admin. Sections are named by slug; the loader puts in their ids."""

WIDGETS = {
    "sidebar": [
        {"type": "most_read", "value": {"title": "", "count": 5, "period": "week"}},
        {"type": "section", "value": {"title": "", "section": "economy", "count": 4}},
        {"type": "newsletter", "value": {"title": "نشرة الصباح",
                                         "text": "أهم أخبار اليوم في بريدك كل صباح."}},
    ],
    "footer": [
        {"type": "today", "value": {"title": ""}},
        {"type": "latest", "value": {"title": "", "count": 5}},
        {"type": "social", "value": {"title": "", "links": [
            {"network": "telegram", "url": "https://t.me/example"},
            {"network": "x", "url": "https://x.com/example"},
            {"network": "youtube", "url": "https://www.youtube.com/@example"},
        ]}},
    ],
}  # fmt: skip
