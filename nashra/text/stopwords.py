"""Words too common to help a search, stored in normalise()d form (#5).

"علي" (على after ى → ي) is deliberately absent: it is also the name Ali, and
dropping it would make a search for "علي" return nothing. The word costs
little in the index, and BM25 gives it a low weight anyway.
"""

ARABIC_STOP_WORDS = frozenset(
    """
    في من الي عن مع ان او ام ثم لا ما لم لن قد كان كانت يكون تكون كانوا
    هذا هذه ذلك تلك هولاء هو هي هم هن انا نحن انت انتم الذي التي الذين
    اللذين اللتين اللواتي اللاتي كل بعض غير بين حتي منذ عند عندما لدي
    لكن بل اذا اذ لو لولا كما مثل حيث اي ايضا كي لكي الا انه انها انهم
    به بها بهم له لها لهم فيه فيها فيهم منه منها منهم عليه عليها عليهم
    اليه اليها وفي ومن والي وعن ومع وان او وقد ولا وما ولم ولن وهو وهي
    وهم وكان وكانت وهذا وهذه وذلك وكل وبين فقد فان فلا فهو فهي لقد ليس
    ليست هناك هنا بعد قبل خلال نحو ذات ذو تم يتم عبر اما اذن
    """.split()
)

# Mixed-language articles quote English; these carry no meaning on their own,
# and "and", "or", "not" also neutralise FTS operators typed by readers.
ENGLISH_STOP_WORDS = frozenset(
    """
    a an and are as at be by for from has have in is it its not of on or
    that the this to was were will with
    """.split()
)

STOP_WORDS = ARABIC_STOP_WORDS | ENGLISH_STOP_WORDS


def is_stop_word(term: str) -> bool:
    """Tell whether a normalised term should be left out of the index.

    >>> is_stop_word("الذي"), is_stop_word("وزير"), is_stop_word("علي")
    (True, False, False)
    """
    return term in STOP_WORDS
