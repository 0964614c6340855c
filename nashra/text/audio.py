"""How long a WAV or MP3 file plays, read from its headers (#20).

Podcast apps want each episode's duration (itunes:duration). The usual
library for it (mutagen) is GPL, so the two formats a newsroom uploads are
read here: a WAV's `fmt ` and `data` chunks, and an MP3's first frame header
with its Xing/Info or VBRI frame count (variable bit rate) or, without one,
the constant bit rate over the audio's bytes. Anything else gives None and
the editor types the duration.
"""

import struct

# MPEG-1, -2 and -2.5 Layer III bit rates (kbit/s) by the header's index.
_BITRATES = {
    1: (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),
    2: (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
}
_SAMPLE_RATES = {
    3: (44100, 48000, 32000),  # MPEG-1
    2: (22050, 24000, 16000),  # MPEG-2
    0: (11025, 12000, 8000),  # MPEG-2.5
}
_HEAD = 64 * 1024  # enough for an ID3 tag's start and the first frames


def wav_seconds(head, size):
    """Seconds of a RIFF/WAVE file, from its first bytes and byte size.

    >>> wav_seconds("ليس صوتًا".encode(), 17) is None
    True
    """
    if len(head) < 12 or head[:4] != b"RIFF" or head[8:12] != b"WAVE":
        return None
    at, byte_rate = 12, None
    while at + 8 <= len(head):
        name, length = head[at : at + 4], struct.unpack("<I", head[at + 4 : at + 8])[0]
        if name == b"fmt " and at + 16 <= len(head):
            byte_rate = struct.unpack("<I", head[at + 16 : at + 20])[0]
        elif name == b"data":
            if not byte_rate:
                return None
            # A streamed recording may leave the length at 0 or 0xFFFFFFFF.
            available = size - (at + 8)
            data = length if 0 < length <= available else available
            return data / byte_rate
        at += 8 + length + (length & 1)  # chunks are padded to even sizes
    return None


def _id3_size(head):
    if head[:3] != b"ID3" or len(head) < 10:
        return 0
    syncsafe = head[6:10]
    size = (syncsafe[0] << 21) | (syncsafe[1] << 14) | (syncsafe[2] << 7) | syncsafe[3]
    footer = 10 if head[5] & 0x10 else 0
    return 10 + size + footer


def _frame(head, at):
    """(version bits, bit rate, sample rate, channel mode) of a Layer III
    frame header at ``at``, or None."""
    if at + 4 > len(head) or head[at] != 0xFF or head[at + 1] & 0xE0 != 0xE0:
        return None
    version = (head[at + 1] >> 3) & 3
    layer = (head[at + 1] >> 1) & 3
    rate_index, sample_index = head[at + 2] >> 4, (head[at + 2] >> 2) & 3
    if version == 1 or layer != 1 or rate_index in (0, 15) or sample_index == 3:
        return None
    bitrate = _BITRATES[1 if version == 3 else 2][rate_index] * 1000
    return version, bitrate, _SAMPLE_RATES[version][sample_index], head[at + 3] >> 6


def mp3_seconds(head, size, tag_size=None):
    """Seconds of an MPEG Layer III file, from its first bytes and byte size.

    >>> mp3_seconds("ليس صوتًا".encode(), 17) is None
    True
    """
    start = _id3_size(head) if tag_size is None else tag_size
    if start >= len(head):
        return None
    at = head.find(b"\xff", start)
    while 0 <= at < len(head) - 4:
        found = _frame(head, at)
        if found:
            break
        at = head.find(b"\xff", at + 1)
    else:
        return None
    version, bitrate, sample_rate, mode = found
    samples = 1152 if version == 3 else 576  # per frame
    # The Xing/Info header sits after the side information.
    side = (32 if mode != 3 else 17) if version == 3 else (17 if mode != 3 else 9)
    for offset, tag in ((at + 4 + side, (b"Xing", b"Info")), (at + 36, (b"VBRI",))):
        if head[offset : offset + 4] in tag:
            if tag[0] == b"VBRI":
                frames = struct.unpack(">I", head[offset + 14 : offset + 18])[0]
            elif head[offset + 7] & 1:
                frames = struct.unpack(">I", head[offset + 8 : offset + 12])[0]
            else:
                break
            return frames * samples / sample_rate
    return (size - at) * 8 / bitrate


def duration_seconds(stream, size):
    """Whole seconds a WAV or MP3 file plays, or None when it is neither.

    ``stream`` is a binary file open at its start, ``size`` its length.

    >>> import io
    >>> duration_seconds(io.BytesIO("صوت".encode()), 6) is None
    True
    """
    head = stream.read(_HEAD)
    seconds = wav_seconds(head, size)
    if seconds is None:
        tag = _id3_size(head)
        if len(head) <= tag < size:  # a large cover picture in the ID3 tag
            stream.seek(tag)
            head, size = stream.read(_HEAD), size - tag
            tag = 0
        seconds = mp3_seconds(head, size, tag)
    return None if seconds is None else round(seconds)


def clock(seconds):
    """A duration as podcast apps and players write it: M:SS or H:MM:SS.

    >>> clock(3725)  # حلقة مدتها ساعة ودقيقتان وخمس ثوانٍ
    '1:02:05'
    >>> clock(75)
    '1:15'
    """
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"
