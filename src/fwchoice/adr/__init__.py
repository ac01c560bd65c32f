"""Architecture decision records: the folders they live in, and how tools read them.

Pure text and path logic (no printing, no rich): how a folder names its records
(``folder``), how a record's header must look for MADR, adr-tools or log4brains
to read it (``layout``), and the replay block every fwchoice record embeds
(``embed``).
"""
