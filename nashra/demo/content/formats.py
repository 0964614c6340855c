"""Story formats in the demo newspaper (#20): one story of each, by slug.

The video is a YouTube link, shown as a click-to-load facade (the demo
loads nothing from YouTube until a reader presses play). The audio is a
short tone generated locally as a WAV document; no hosted video file is
made, since a valid MP4 or WebM cannot be written without an encoder.
"""

FORMATS = {
    "الساحل-يهزم-النجم-الأزرق": {
        "format": "video",
        # Blender Foundation's «Big Buck Bunny», published on YouTube by its makers.
        "video_url": "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
        "media_duration": 635,
    },
    "ترميم-خان-الحرير": {
        "format": "gallery",
        "photos": [
            ("culture-silk-khan", "الباحة الرئيسية للخان بعد الترميم.", "نشرة / خدمة الصور"),
            ("culture-silk-khan-arches", "أقواس الرواق الشرقي وقد أزيل عنها الإسمنت.",
             "تصوير: ريم الخطيب"),
            ("culture-silk-khan-floor", "أرضية حجرية كشف عنها مشروع الترميم.", ""),
            ("culture-silk-khan-workshop", "حرفي في إحدى ورش النسيج الجديدة.",
             "نشرة / خالد البنّاء"),
            ("culture-silk-khan-night", "الخان مضاءً في ليلة الافتتاح.", "نشرة / خدمة الصور"),
        ],
    },
    "خط-دعم-نفسي-للطلاب": {"format": "audio", "audio_seconds": 4},
    "ai-in-classrooms": {"format": "opinion", "columnist_photo": "tech-columnist"},
}  # fmt: skip
