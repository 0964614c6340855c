from django.db import models


class SearchEntry(models.Model):
    """A live, public article as search sees it: its analysed headline and text.

    The terms are nashra.text.analysis.analyse() output joined by spaces, so
    SQLite FTS5 and PostgreSQL index exactly the same words (#5). Full-text
    structures are kept in step by database triggers (migration 0002): an
    FTS5 table on SQLite, a weighted tsvector column with a GIN index on
    PostgreSQL. ``name_terms`` holds the name keys of headline and text
    (nashra.text.names, #18), ranked below both.
    """

    page = models.OneToOneField(
        "articles.ArticlePage",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="search_entry",
    )
    section = models.ForeignKey(
        "sections.SectionPage",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    published_at = models.DateTimeField(db_index=True)
    title_terms = models.TextField()
    body_terms = models.TextField()
    name_terms = models.TextField(default="", blank=True)

    class Meta:
        indexes = [models.Index(fields=["section", "-published_at"])]

    def __str__(self):
        return self.title_terms
