import io
import struct
import wave

import pytest

from nashra.text.audio import duration_seconds, mp3_seconds, wav_seconds


def _wav(seconds, rate=8000):
    out = io.BytesIO()
    with wave.open(out, "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(rate)
        writer.writeframes(b"\x00\x00" * int(rate * seconds))
    return out.getvalue()


def _mp3_frame(bitrate_index=9, xing_frames=None):
    # MPEG-1 Layer III, 128 kbit/s (index 9), 44.1 kHz, stereo: 417 bytes.
    header = bytes([0xFF, 0xFB, (bitrate_index << 4) | 0x00, 0x00])
    body = bytearray(417 - 4)
    if xing_frames is not None:
        body[32:40] = b"Xing" + struct.pack(">I", 1)  # flag: frame count
        body[40:44] = struct.pack(">I", xing_frames)
    return header + bytes(body)


def _id3(length):
    syncsafe = bytes([(length >> shift) & 0x7F for shift in (21, 14, 7, 0)])
    return b"ID3\x04\x00\x00" + syncsafe + b"\x00" * length


@pytest.mark.parametrize("seconds", [1, 2.5, 61])
def test_wav_duration(seconds):
    data = _wav(seconds)
    assert wav_seconds(data[:64], len(data)) == pytest.approx(seconds)
    assert duration_seconds(io.BytesIO(data), len(data)) == round(seconds)


def test_constant_bit_rate_mp3():
    # 128 kbit/s is 16,000 bytes a second: 10 s of frames after a small tag.
    frame = _mp3_frame()
    audio = frame * (160_000 // len(frame))
    data = _id3(100) + audio
    assert mp3_seconds(data, len(data)) == pytest.approx(len(audio) / 16000)
    assert duration_seconds(io.BytesIO(data), len(data)) == 10


def test_variable_bit_rate_mp3_reads_the_xing_count():
    # 1,000 frames of 1,152 samples at 44.1 kHz: 26.1 s, whatever the bytes.
    data = _mp3_frame(xing_frames=1000) + _mp3_frame() * 3
    assert mp3_seconds(data, len(data)) == pytest.approx(1000 * 1152 / 44100)


def test_a_large_id3_tag_is_skipped():
    frame = _mp3_frame()
    audio = frame * (48_000 // len(frame))
    data = _id3(200_000) + audio
    assert duration_seconds(io.BytesIO(data), len(data)) == round(len(audio) / 16000)


@pytest.mark.parametrize(
    "data",
    [b"", b"RIFF\x00\x00\x00\x00WAVE", "صوت عربي".encode(), b"\xff\xff\xff\xff" * 8],
)
def test_not_audio_gives_none(data):
    assert duration_seconds(io.BytesIO(data), len(data)) is None


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [(0, "0:00"), (59, "0:59"), (75, "1:15"), (3725, "1:02:05")],
)
def test_clock(seconds, expected):
    from nashra.text.audio import clock

    assert clock(seconds) == expected
