<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="tr_TR">
<!-- Words of Qt's own dialogs that the qtbase_tr catalogue shipped with PySide6 leaves in
     English. Kept by hand (lupdate does not see Qt's sources); update.py compiles it. -->
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Konum:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Dosya &amp;türü:</translation>
    </message>
</context>
</TS>
