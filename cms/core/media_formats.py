"""The recordings a testimony may hold and their captions, by extension: the formats whose
hidden data cms.core.media_metadata removes. Plain data, so the settings read them too
(the documents Wagtail accepts, and the types it serves them with)."""

#: Recordings, by extension: their MIME type (an MP4's is decided by its tracks).
RECORDING_TYPES = {
    "mp3": "audio/mpeg",
    "m4a": "audio/mp4",
    "mp4": "video/mp4",
    "ogg": "audio/ogg",
    "oga": "audio/ogg",
    "opus": "audio/ogg",
    "flac": "audio/flac",
}
CAPTIONS_EXTENSION = "vtt"
CAPTIONS_TYPE = "text/vtt"
