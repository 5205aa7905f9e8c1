<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="tr_TR">
<context>
    <name></name>
    <message>
        <source>unknown unit {unit!r}</source>
        <translation>bilinmeyen birim {unit!r}</translation>
    </message>
    <message>
        <source>a unit with id {unit!r} already exists</source>
        <translation>{unit!r} kimlikli bir birim zaten var</translation>
    </message>
    <message>
        <source>unit {unit!r}, {field}: {problem}</source>
        <translation>birim {unit!r}, {field}: {problem}</translation>
    </message>
    <message>
        <source>{field}: {problem}</source>
        <translation>{field}: {problem}</translation>
    </message>
    <message>
        <source>{unit} cannot report to itself</source>
        <translation>{unit} kendisine raporlayamaz</translation>
    </message>
    <message>
        <source>{unit} cannot report to {parent}: {parent} already reports (directly or indirectly) to {unit}</source>
        <translation>{unit}, {parent} birimine raporlayamaz: {parent} zaten (doğrudan ya da dolaylı olarak) {unit} birimine raporluyor</translation>
    </message>
    <message>
        <source>line {line}, column {column}: {problem}</source>
        <translation>{line}. satır, {column}. sütun: {problem}</translation>
    </message>
    <message>
        <source>{path}: {problem}</source>
        <translation>{path}: {problem}</translation>
    </message>
    <message>
        <source>{above}
{below}</source>
        <translation>{above}
{below}</translation>
    </message>
    <message>
        <source>{file}: {problem}</source>
        <translation>{file}: {problem}</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>metin</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>sayı</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>liste</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>nesne</translation>
    </message>
    <message>
        <source>lone surrogate (not a character) U+{code:04X} at position {position}</source>
        <translation>{position}. konumda tek başına vekil kod U+{code:04X} (karakter değil)</translation>
    </message>
    <message>
        <source>control character U+{code:04X} at position {position}</source>
        <translation>{position}. konumda denetim karakteri U+{code:04X}</translation>
    </message>
    <message>
        <source>expected {expected}, got {found}</source>
        <translation>{expected} bekleniyordu, {found} bulundu</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>boş olamaz</translation>
    </message>
    <message>
        <source>a string id</source>
        <translation>metin türünde kimlik</translation>
    </message>
    <message>
        <source>expected &quot;front&quot;, &quot;middle&quot; or &quot;back&quot;, got &quot;{value}&quot;</source>
        <translation>&quot;front&quot;, &quot;middle&quot; veya &quot;back&quot; bekleniyordu, &quot;{value}&quot; bulundu</translation>
    </message>
    <message>
        <source>expected &quot;front&quot;, &quot;middle&quot; or &quot;back&quot;, got {found}</source>
        <translation>&quot;front&quot;, &quot;middle&quot; veya &quot;back&quot; bekleniyordu, {found} bulundu</translation>
    </message>
    <message>
        <source>expected true or false, got {found}</source>
        <translation>true ya da false bekleniyordu, {found} bulundu</translation>
    </message>
    <message>
        <source>expected a whole number, got {value!r}</source>
        <translation>tam sayı bekleniyordu, {value!r} bulundu</translation>
    </message>
    <message>
        <source>expected a whole number &gt;= 0, got {found}</source>
        <translation>0 ya da daha büyük bir tam sayı bekleniyordu, {found} bulundu</translation>
    </message>
    <message>
        <source>must be &gt;= 0, got {value}</source>
        <translation>0 ya da daha büyük olmalı; değer: {value}</translation>
    </message>
    <message>
        <source>must be a finite number, got {found}</source>
        <translation>sonlu bir sayı olmalı; değer: {found}</translation>
    </message>
    <message>
        <source>must be a finite number, got {value!r}</source>
        <translation>sonlu bir sayı olmalı; değer: {value!r}</translation>
    </message>
    <message>
        <source>number too large</source>
        <translation>sayı çok büyük</translation>
    </message>
    <message>
        <source>expected a number, got {found}</source>
        <translation>sayı bekleniyordu, {found} bulundu</translation>
    </message>
    <message>
        <source>must be &gt; {low:g}, got {value!r}</source>
        <translation>{low:g} değerinden büyük olmalı; değer: {value!r}</translation>
    </message>
    <message>
        <source>must be &gt;= {low:g}, got {value!r}</source>
        <translation>{low:g} ya da daha büyük olmalı; değer: {value!r}</translation>
    </message>
    <message>
        <source>must be between {low:g} and {high:g}, got {value!r}</source>
        <translation>{low:g} ile {high:g} arasında olmalı; değer: {value!r}</translation>
    </message>
    <message>
        <source>too long: at most {count} characters</source>
        <translation>çok uzun: en çok {count} karakter</translation>
    </message>
    <message>
        <source>must not contain {characters}</source>
        <translation>şunları içeremez: {characters}</translation>
    </message>
    <message>
        <source>expected a list of strings, got {found}</source>
        <translation>metin listesi bekleniyordu, {found} bulundu</translation>
    </message>
    <message>
        <source>duplicate tag {tag!r}</source>
        <translation>yinelenen etiket {tag!r}</translation>
    </message>
    <message>
        <source>tag {number}: {problem}</source>
        <translation>etiket {number}: {problem}</translation>
    </message>
    <message>
        <source>expected a colour &quot;#rrggbb&quot;, got {value!r}</source>
        <translation>&quot;#rrggbb&quot; biçiminde bir renk bekleniyordu, {value!r} bulundu</translation>
    </message>
    <message>
        <source>expected a colour &quot;#rrggbb&quot;, got {found}</source>
        <translation>&quot;#rrggbb&quot; biçiminde bir renk bekleniyordu, {found} bulundu</translation>
    </message>
    <message>
        <source>id</source>
        <translation>kimlik</translation>
    </message>
    <message>
        <source>name</source>
        <translation>ad</translation>
    </message>
    <message>
        <source>office</source>
        <translation>ofis</translation>
    </message>
    <message>
        <source>revenue_generating</source>
        <translation>gelir getiren</translation>
    </message>
    <message>
        <source>reports_to</source>
        <translation>raporladığı birim</translation>
    </message>
    <message>
        <source>depends_on</source>
        <translation>bağımlı olduğu birimler</translation>
    </message>
    <message>
        <source>alternatives</source>
        <translation>alternatifler</translation>
    </message>
    <message>
        <source>headcount</source>
        <translation>çalışan sayısı</translation>
    </message>
    <message>
        <source>cost</source>
        <translation>maliyet</translation>
    </message>
    <message>
        <source>revenue</source>
        <translation>gelir</translation>
    </message>
    <message>
        <source>automation_potential</source>
        <translation>otomasyon potansiyeli</translation>
    </message>
    <message>
        <source>automation_ease</source>
        <translation>otomasyon kolaylığı</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>notlar</translation>
    </message>
    <message>
        <source>tags</source>
        <translation>etiketler</translation>
    </message>
    <message>
        <source>color</source>
        <translation>renk</translation>
    </message>
    <message>
        <source>cannot read {extension}: use {extensions}</source>
        <translation>{extension} dosyası okunamaz; şunlardan birini kullanın: {extensions}</translation>
    </message>
    <message>
        <source>cannot read a file without extension: use {extensions}</source>
        <translation>uzantısı olmayan dosya okunamaz; şunlardan birini kullanın: {extensions}</translation>
    </message>
    <message>
        <source>cannot write {extension}: use {extensions}</source>
        <translation>{extension} dosyası yazılamaz; şunlardan birini kullanın: {extensions}</translation>
    </message>
    <message>
        <source>cannot write a file without extension: use {extensions}</source>
        <translation>uzantısı olmayan dosya yazılamaz; şunlardan birini kullanın: {extensions}</translation>
    </message>
    <message>
        <source>cannot merge {extension}: use {extensions}</source>
        <translation>{extension} dosyası birleştirilemez; şunlardan birini kullanın: {extensions}</translation>
    </message>
    <message>
        <source>cannot merge a file without extension: use {extensions}</source>
        <translation>uzantısı olmayan dosya birleştirilemez; şunlardan birini kullanın: {extensions}</translation>
    </message>
    <message>
        <source>positions in the file put cards on top of each other (“{a}” and “{b}”): every unit laid out anew</source>
        <translation>dosyadaki konumlar kartları üst üste koyuyordu (“{a}” ve “{b}”): tüm birimler yeniden yerleştirildi</translation>
    </message>
    <message>
        <source>cannot write: {reason}</source>
        <translation>yazılamıyor: {reason}</translation>
    </message>
    <message>
        <source>{start}… ({count} digits)</source>
        <translation>{start}… ({count} basamak)</translation>
    </message>
    <message>
        <source>expected {expected} (a JSON object), got {found}</source>
        <translation>{expected} (JSON nesnesi) bekleniyordu, {found} bulundu</translation>
    </message>
    <message>
        <source>key appears more than once</source>
        <translation>anahtar birden çok kez geçiyor</translation>
    </message>
    <message>
        <source>{value} is not a number JSON allows</source>
        <translation>{value}, JSON’un izin verdiği bir sayı değil</translation>
    </message>
    <message>
        <source>invalid text: lone surrogate (half a UTF-16 pair, not a character)</source>
        <translation>geçersiz metin: tek başına vekil kod (bir UTF-16 çiftinin yarısı, karakter değil)</translation>
    </message>
    <message>
        <source>an OrgModel model</source>
        <translation>OrgModel modeli</translation>
    </message>
    <message>
        <source>expected &quot;orgmodel&quot; (missing): this is not an OrgModel model file</source>
        <translation>&quot;orgmodel&quot; bekleniyordu (alan eksik): bu bir OrgModel model dosyası değil</translation>
    </message>
    <message>
        <source>expected &quot;orgmodel&quot; (got {value}): this is not an OrgModel model file</source>
        <translation>&quot;orgmodel&quot; bekleniyordu ({value} bulundu): bu bir OrgModel model dosyası değil</translation>
    </message>
    <message>
        <source>missing; expected {version}</source>
        <translation>eksik; {version} bekleniyordu</translation>
    </message>
    <message>
        <source>expected a whole number &gt;= 1, got {found}</source>
        <translation>1 ya da daha büyük bir tam sayı bekleniyordu, {found} bulundu</translation>
    </message>
    <message>
        <source>this file was made by a newer OrgModel (format version {version}); this OrgModel reads format version {supported} — please update OrgModel to open it</source>
        <translation>bu dosya daha yeni bir OrgModel ile oluşturulmuş (biçim sürümü {version}); bu OrgModel biçim sürümü {supported} dosyalarını okuyabiliyor — dosyayı açmak için lütfen OrgModel’i güncelleyin</translation>
    </message>
    <message>
        <source>missing; expected a list of units</source>
        <translation>eksik; birim listesi bekleniyordu</translation>
    </message>
    <message>
        <source>expected a list of units, got {found}</source>
        <translation>birim listesi bekleniyordu, {found} bulundu</translation>
    </message>
    <message>
        <source>a unit</source>
        <translation>birim</translation>
    </message>
    <message>
        <source>missing; every unit needs an id</source>
        <translation>eksik; her birimin bir kimliği olmalı</translation>
    </message>
    <message>
        <source>duplicate id {id!r} (also used by {other})</source>
        <translation>yinelenen kimlik {id!r} ({other} tarafından da kullanılıyor)</translation>
    </message>
    <message>
        <source>missing; every unit needs a name</source>
        <translation>eksik; her birimin bir adı olmalı</translation>
    </message>
    <message>
        <source>expected the id of a unit, got {found}</source>
        <translation>bir birimin kimliği bekleniyordu, {found} bulundu</translation>
    </message>
    <message>
        <source>reporting cycle: {cycle} (a unit cannot report to itself, directly or indirectly)</source>
        <translation>raporlama döngüsü: {cycle} (bir birim doğrudan ya da dolaylı olarak kendisine raporlayamaz)</translation>
    </message>
    <message>
        <source>expected a list of dependencies, got {found}</source>
        <translation>bağımlılık listesi bekleniyordu, {found} bulundu</translation>
    </message>
    <message>
        <source>a dependency</source>
        <translation>bağımlılık</translation>
    </message>
    <message>
        <source>missing; expected a unit id</source>
        <translation>eksik; birim kimliği bekleniyordu</translation>
    </message>
    <message>
        <source>a unit cannot depend on itself ({unit!r})</source>
        <translation>bir birim kendisine bağımlı olamaz ({unit!r})</translation>
    </message>
    <message>
        <source>Expecting value</source>
        <translation>değer bekleniyordu</translation>
    </message>
    <message>
        <source>Expecting property name enclosed in double quotes</source>
        <translation>çift tırnak içinde bir özellik adı bekleniyordu</translation>
    </message>
    <message>
        <source>Expecting &apos;:&apos; delimiter</source>
        <translation>&apos;:&apos; ayracı bekleniyordu</translation>
    </message>
    <message>
        <source>Expecting &apos;,&apos; delimiter</source>
        <translation>&apos;,&apos; ayracı bekleniyordu</translation>
    </message>
    <message>
        <source>Unterminated string starting at</source>
        <translation>burada başlayan metin kapatılmamış</translation>
    </message>
    <message>
        <source>Invalid control character at</source>
        <translation>geçersiz denetim karakteri</translation>
    </message>
    <message>
        <source>Invalid \escape</source>
        <translation>geçersiz \ kaçış dizisi</translation>
    </message>
    <message>
        <source>Invalid \uXXXX escape</source>
        <translation>geçersiz \uXXXX kaçış dizisi</translation>
    </message>
    <message>
        <source>Extra data</source>
        <translation>fazladan veri</translation>
    </message>
    <message>
        <source>duplicate dependency {source!r} → {target!r} (also {other})</source>
        <translation>yinelenen bağımlılık {source!r} → {target!r} (ilki: {other})</translation>
    </message>
    <message>
        <source>invalid JSON: {reason}</source>
        <translation>geçersiz JSON: {reason}</translation>
    </message>
    <message>
        <source>invalid model: JSON nested too deeply</source>
        <translation>geçersiz model: JSON çok derin iç içe geçmiş</translation>
    </message>
    <message>
        <source>not an OrgModel file: expected a .orgmodel file, got {extension}</source>
        <translation>OrgModel dosyası değil: .orgmodel dosyası bekleniyordu, {extension} bulundu</translation>
    </message>
    <message>
        <source>not an OrgModel file: expected a .orgmodel file, got no extension</source>
        <translation>OrgModel dosyası değil: .orgmodel dosyası bekleniyordu, dosyanın uzantısı yok</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>böyle bir dosya yok</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>normal bir dosya değil</translation>
    </message>
    <message>
        <source>is a folder, not a model file</source>
        <translation>bir klasör, model dosyası değil</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>erişim izni yok</translation>
    </message>
    <message>
        <source>cannot read: {reason}</source>
        <translation>okunamıyor: {reason}</translation>
    </message>
    <message>
        <source>not a text file (NUL byte at offset {offset})</source>
        <translation>metin dosyası değil ({offset} konumunda NUL baytı)</translation>
    </message>
    <message>
        <source>not UTF-8 text (byte 0x{byte:02x} at offset {offset})</source>
        <translation>UTF-8 metin değil ({offset} konumunda 0x{byte:02x} baytı)</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>boş</translation>
    </message>
    <message>
        <source>cannot save {file}: the model contains text that is not valid Unicode ({text!a})</source>
        <translation>{file} kaydedilemiyor: model geçerli Unicode olmayan metin içeriyor ({text!a})</translation>
    </message>
    <message>
        <source>cannot save {file}: {reason}</source>
        <translation>{file} kaydedilemiyor: {reason}</translation>
    </message>
    <message>
        <source>it is a symbolic link to a missing file ({target}); write to that file or remove the link</source>
        <translation>var olmayan bir dosyaya ({target}) giden sembolik bağlantı; o dosyaya yazın ya da bağlantıyı kaldırın</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>bu bir klasör</translation>
    </message>
    <message>
        <source>it is not a regular file</source>
        <translation>normal bir dosya değil</translation>
    </message>
    <message>
        <source>the file is read-only</source>
        <translation>dosya salt okunur</translation>
    </message>
    <message>
        <source>cannot save {file}: the saved file cannot be read back ({reason})</source>
        <translation>{file} kaydedilemiyor: kaydedilen dosya geri okunamıyor ({reason})</translation>
    </message>
    <message>
        <source>cannot save {file}: the saved file reads back differently; the previous version is in {backup}</source>
        <translation>{file} kaydedilemiyor: kaydedilen dosya geri okunduğunda farklı çıkıyor; önceki sürüm şu dosyada: {backup}</translation>
    </message>
    <message>
        <source>is a folder, not a GraphML file</source>
        <translation>bir klasör, GraphML dosyası değil</translation>
    </message>
    <message>
        <source>file too large ({size:.0f} MB; the limit is {limit} MB)</source>
        <translation>dosya çok büyük ({size:.0f} MB; sınır {limit} MB)</translation>
    </message>
    <message>
        <source>empty file, not GraphML</source>
        <translation>boş dosya, GraphML değil</translation>
    </message>
    <message>
        <source>not an XML file (binary data or UTF-16 text without a byte order mark)</source>
        <translation>XML dosyası değil (ikili veri ya da bayt sırası işareti olmayan UTF-16 metin)</translation>
    </message>
    <message>
        <source>not a GraphML file: the root element is &lt;{element}&gt;</source>
        <translation>GraphML dosyası değil: kök öğe &lt;{element}&gt;</translation>
    </message>
    <message>
        <source>not a GraphML file: the root element is in the namespace {namespace!r}</source>
        <translation>GraphML dosyası değil: kök öğe {namespace!r} ad alanında</translation>
    </message>
    <message>
        <source>elements nested deeper than {limit} levels</source>
        <translation>öğeler {limit} düzeyden daha derin iç içe geçmiş</translation>
    </message>
    <message>
        <source>more than {limit:,} comments or processing instructions</source>
        <translation>yorum ve işleme talimatlarının sayısı {limit:,} sınırını aşıyor</translation>
    </message>
    <message>
        <source>refused: the file contains a DTD (&lt;!DOCTYPE&gt;), which GraphML does not need</source>
        <translation>reddedildi: dosya bir DTD (&lt;!DOCTYPE&gt;) içeriyor; GraphML buna gerek duymaz</translation>
    </message>
    <message>
        <source>refused: the file declares XML entities</source>
        <translation>reddedildi: dosya XML varlıkları tanımlıyor</translation>
    </message>
    <message>
        <source>refused: the file refers to external resources</source>
        <translation>reddedildi: dosya dış kaynaklara başvuruyor</translation>
    </message>
    <message>
        <source>refused: {reason}</source>
        <translation>reddedildi: {reason}</translation>
    </message>
    <message>
        <source>invalid XML</source>
        <translation>geçersiz XML</translation>
    </message>
    <message>
        <source>not a GraphML file: no XML element found</source>
        <translation>GraphML dosyası değil: hiç XML öğesi bulunamadı</translation>
    </message>
    <message>
        <source>unexpected root element &lt;{element}&gt;</source>
        <translation>beklenmeyen kök öğe &lt;{element}&gt;</translation>
    </message>
    <message>
        <source>no XML element found</source>
        <translation>hiç XML öğesi bulunamadı</translation>
    </message>
    <message>
        <source>is a folder</source>
        <translation>bir klasör</translation>
    </message>
    <message>
        <source>empty file</source>
        <translation>boş dosya</translation>
    </message>
    <message>
        <source>the file ends too early (truncated)</source>
        <translation>dosya erken bitiyor (kesilmiş)</translation>
    </message>
    <message>
        <source>the file ends too early (unclosed token)</source>
        <translation>dosya erken bitiyor (kapatılmamış simge)</translation>
    </message>
    <message>
        <source>not valid XML: {reason} (line {line}, column {column})</source>
        <translation>geçerli XML değil: {reason} ({line}. satır, {column}. sütun)</translation>
    </message>
    <message>
        <source>not valid XML: unknown or wrong text encoding ({reason})</source>
        <translation>geçerli XML değil: bilinmeyen ya da yanlış metin kodlaması ({reason})</translation>
    </message>
    <message>
        <source>elements nested too deeply</source>
        <translation>öğeler çok derin iç içe geçmiş</translation>
    </message>
    <message>
        <source>not enough memory to read the file</source>
        <translation>dosyayı okumak için yeterli bellek yok</translation>
    </message>
    <message>
        <source>bad encoding</source>
        <translation>hatalı karakter kodlaması</translation>
    </message>
    <message>
        <source>not valid XML: {reason}</source>
        <translation>geçerli XML değil: {reason}</translation>
    </message>
    <message>
        <source>expected true or false, got {value!r}</source>
        <translation>true ya da false bekleniyordu, {value!r} bulundu</translation>
    </message>
    <message>
        <source>expected a number, got {value!r}</source>
        <translation>sayı bekleniyordu, {value!r} bulundu</translation>
    </message>
    <message>
        <source>not a GraphML file: no &lt;graph&gt; element</source>
        <translation>GraphML dosyası değil: &lt;graph&gt; öğesi yok</translation>
    </message>
    <message>
        <source>node {node}: no usable id, left out</source>
        <translation>düğüm {node}: kullanılabilir bir kimliği yok; dışarıda bırakıldı</translation>
    </message>
    <message>
        <source>node {node}: the id is used twice, the second node is left out</source>
        <translation>düğüm {node}: kimlik iki kez kullanılmış; ikinci düğüm dışarıda bırakıldı</translation>
    </message>
    <message>
        <source>node {node}: {field}: {problem}</source>
        <translation>düğüm {node}: {field}: {problem}</translation>
    </message>
    <message>
        <source>unknown office {value!r}</source>
        <translation>bilinmeyen ofis {value!r}</translation>
    </message>
    <message>
        <source>node {node}: extra keys could not be kept in notes: {problem}</source>
        <translation>düğüm {node}: ek anahtarlar notlarda saklanamadı: {problem}</translation>
    </message>
    <message>
        <source>node {node}: {problem}, left out</source>
        <translation>düğüm {node}: {problem}; dışarıda bırakıldı</translation>
    </message>
    <message>
        <source>node keys OrgModel does not know were kept in notes as &quot;key: value&quot; lines: {keys}</source>
        <translation>OrgModel’in tanımadığı düğüm anahtarları notlarda &quot;anahtar: değer&quot; satırları olarak saklandı: {keys}</translation>
    </message>
    <message>
        <source>edge {edge} ({source} → {target})</source>
        <translation>kenar {edge} ({source} → {target})</translation>
    </message>
    <message>
        <source>{edge}: unknown node {node!r}, left out</source>
        <translation>{edge}: bilinmeyen düğüm {node!r}; dışarıda bırakıldı</translation>
    </message>
    <message>
        <source>{edge}: a unit cannot report to itself, left out</source>
        <translation>{edge}: bir birim kendisine raporlayamaz; dışarıda bırakıldı</translation>
    </message>
    <message>
        <source>{edge}: {unit} already reports to {parent}, left out</source>
        <translation>{edge}: {unit} zaten {parent} birimine raporluyor; dışarıda bırakıldı</translation>
    </message>
    <message>
        <source>{edge}: {problem}; reporting line left out</source>
        <translation>{edge}: {problem}; raporlama hattı dışarıda bırakıldı</translation>
    </message>
    <message>
        <source>{edge}: unknown kind {kind!r}, read as a dependency</source>
        <translation>{edge}: bilinmeyen tür {kind!r}; bağımlılık olarak okundu</translation>
    </message>
    <message>
        <source>the default of key {key!r} ({size:,} characters), copied into every node, comes to more than {limit:,} characters</source>
        <translation>{key!r} anahtarının varsayılan değeri ({size:,} karakter) her düğüme kopyalanınca {limit:,} karakteri aşıyor</translation>
    </message>
    <message>
        <source>the default of key {key!r} ({size:,} characters), copied into every edge, comes to more than {limit:,} characters</source>
        <translation>{key!r} anahtarının varsayılan değeri ({size:,} karakter) her kenara kopyalanınca {limit:,} karakteri aşıyor</translation>
    </message>
    <message>
        <source>{count:,} undirected edges read as one dependency each: the source depends on the target</source>
        <translation>{count:,} yönsüz kenar birer bağımlılık olarak okundu: kaynak hedefe bağımlı</translation>
    </message>
    <message>
        <source>{count:,} undirected edges read as a dependency each way</source>
        <translation>{count:,} yönsüz kenar iki yönde birer bağımlılık olarak okundu</translation>
    </message>
    <message>
        <source>{edge}: {field}: {problem}, left out</source>
        <translation>{edge}: {field}: {problem}; dışarıda bırakıldı</translation>
    </message>
    <message>
        <source>{edge}: a unit cannot depend on itself, left out</source>
        <translation>{edge}: bir birim kendisine bağımlı olamaz; dışarıda bırakıldı</translation>
    </message>
    <message>
        <source>{edge}: duplicate dependency, left out</source>
        <translation>{edge}: yinelenen bağımlılık; dışarıda bırakıldı</translation>
    </message>
    <message>
        <source>{edge}: {problem}, left out</source>
        <translation>{edge}: {problem}; dışarıda bırakıldı</translation>
    </message>
    <message>
        <source>edge keys OrgModel does not know were left out: {keys}</source>
        <translation>OrgModel’in tanımadığı kenar anahtarları dışarıda bırakıldı: {keys}</translation>
    </message>
    <message>
        <source>unknown node {node!r}</source>
        <translation>bilinmeyen düğüm {node!r}</translation>
    </message>
    <message>
        <source>node {node}: {field}: {problem}; reporting line left out</source>
        <translation>düğüm {node}: {field}: {problem}; raporlama hattı dışarıda bırakıldı</translation>
    </message>
    <message>
        <source>{count:,} reporting lines from yEd groups: the nodes inside a group report to it</source>
        <translation>yEd gruplarından {count:,} raporlama hattı: bir grubun içindeki düğümler gruba bağlı</translation>
    </message>
    <message>
        <source>node {node}: {field}: {problem}, left out</source>
        <translation>düğüm {node}: {field}: {problem}; dışarıda bırakıldı</translation>
    </message>
    <message>
        <source>process {pid} on {host} since {time}</source>
        <translation>{host} üzerindeki {pid} numaralı işlem ({time} tarihinden beri)</translation>
    </message>
    <message>
        <source>is not an editable field of a unit</source>
        <translation>bir birimin düzenlenebilir alanı değil</translation>
    </message>
    <message>
        <source>cannot restore the dependency {source!r} → {target!r}</source>
        <translation>{source!r} → {target!r} bağımlılığı geri yüklenemiyor</translation>
    </message>
    <message>
        <source>{unit} cannot depend on itself</source>
        <translation>{unit} kendisine bağımlı olamaz</translation>
    </message>
    <message>
        <source>{unit} already depends on {other}</source>
        <translation>{unit} zaten {other} birimine bağımlı</translation>
    </message>
    <message>
        <source>is not an editable field of a dependency</source>
        <translation>bir bağımlılığın düzenlenebilir alanı değil</translation>
    </message>
    <message>
        <source>{source!r} does not depend on {target!r}</source>
        <translation>{source!r} birimi {target!r} birimine bağımlı değil</translation>
    </message>
    <message>
        <source>expected a pair of numbers (x, y), got {found}</source>
        <translation>bir sayı çifti (x, y) bekleniyordu, {found} bulundu</translation>
    </message>
    <message>
        <source>expected yes or no, got &quot;{value}&quot;</source>
        <translation>evet ya da hayır bekleniyordu, &quot;{value}&quot; bulundu</translation>
    </message>
    <message>
        <source>expected a number, got &quot;{value}&quot;</source>
        <translation>sayı bekleniyordu, &quot;{value}&quot; bulundu</translation>
    </message>
    <message>
        <source>must be a finite number, got &quot;{value}&quot;</source>
        <translation>sonlu bir sayı olmalı; değer: &quot;{value}&quot;</translation>
    </message>
    <message>
        <source>expected a whole number, got &quot;{value}&quot;</source>
        <translation>tam sayı bekleniyordu, &quot;{value}&quot; bulundu</translation>
    </message>
    <message>
        <source>expected a percentage between 0% and 100%, got {value}</source>
        <translation>%0 ile %100 arasında bir yüzde bekleniyordu, {value} bulundu</translation>
    </message>
    <message>
        <source>expected a share between 0 and 1 or a percentage like 40%, got {value}</source>
        <translation>0 ile 1 arasında bir oran ya da %40 gibi bir yüzde bekleniyordu, {value} bulundu</translation>
    </message>
    <message>
        <source>expected an amount, got &quot;{value}&quot;</source>
        <translation>tutar bekleniyordu, &quot;{value}&quot; bulundu</translation>
    </message>
    <message>
        <source>old Excel .xls files are not supported; save it as .xlsx or CSV</source>
        <translation>eski Excel .xls dosyaları desteklenmiyor; dosyayı .xlsx ya da CSV olarak kaydedin</translation>
    </message>
    <message>
        <source>not a spreadsheet: expected .csv or .xlsx, got {extension}</source>
        <translation>elektronik tablo değil: .csv ya da .xlsx bekleniyordu, {extension} bulundu</translation>
    </message>
    <message>
        <source>not a spreadsheet: expected .csv or .xlsx, got no extension</source>
        <translation>elektronik tablo değil: .csv ya da .xlsx bekleniyordu, dosyanın uzantısı yok</translation>
    </message>
    <message>
        <source>is a folder, not a spreadsheet</source>
        <translation>bir klasör, elektronik tablo değil</translation>
    </message>
    <message>
        <source>no header row (the file is empty)</source>
        <translation>başlık satırı yok (dosya boş)</translation>
    </message>
    <message>
        <source>read as {encoding}: the file is not UTF-8</source>
        <translation>{encoding} olarak okundu: dosya UTF-8 değil</translation>
    </message>
    <message>
        <source>row {row}, {column}</source>
        <translation>{row}. satır, {column}</translation>
    </message>
    <message>
        <source>bytes that are not {encoding} were replaced by � in one cell: {places}</source>
        <translation>{encoding} olmayan baytlar bir hücrede � ile değiştirildi: {places}</translation>
    </message>
    <message>
        <source>bytes that are not {encoding} were replaced by � in {count} cells: {places}</source>
        <translation>{encoding} olmayan baytlar {count} hücrede � ile değiştirildi: {places}</translation>
    </message>
    <message>
        <source>not a readable CSV file: {reason}</source>
        <translation>okunabilir bir CSV dosyası değil: {reason}</translation>
    </message>
    <message>
        <source>not a readable .xlsx workbook ({error})</source>
        <translation>okunabilir bir .xlsx çalışma kitabı değil ({error})</translation>
    </message>
    <message>
        <source>the workbook has no sheets</source>
        <translation>çalışma kitabında hiç sayfa yok</translation>
    </message>
    <message>
        <source>no sheet {sheet!r}; its sheets are: {names}</source>
        <translation>{sheet!r} adında sayfa yok; sayfaları: {names}</translation>
    </message>
    <message>
        <source>{added} added, {updated} updated, {unchanged} unchanged, {rejected} rejected</source>
        <translation>{added} eklendi, {updated} güncellendi, {unchanged} değişmedi, {rejected} reddedildi</translation>
    </message>
    <message>
        <source>row {row}</source>
        <translation>{row}. satır</translation>
    </message>
    <message>
        <source>row {row}: {problem}</source>
        <translation>{row}. satır: {problem}</translation>
    </message>
    <message>
        <source>unknown allocation method {method!r}; use reciprocal, step or direct</source>
        <translation>bilinmeyen dağıtım yöntemi {method!r}; reciprocal (karşılıklı), step (kademeli) ya da direct (doğrudan) kullanın</translation>
    </message>
    <message>
        <source>an allocation order is only used by the step method</source>
        <translation>dağıtım sırası yalnızca kademeli (step) yöntemde kullanılır</translation>
    </message>
    <message>
        <source>the step order names {unit!r}, which is not a unit of the model</source>
        <translation>kademe sırası {unit!r} diyor, ama modelde böyle bir birim yok</translation>
    </message>
    <message>
        <source>the step order names {unit!r}, a revenue-generating unit; list service units only</source>
        <translation>kademe sırası gelir getiren bir birimi, {unit!r} birimini içeriyor; yalnızca hizmet birimlerini sıralayın</translation>
    </message>
    <message>
        <source>the step order names {unit!r} twice</source>
        <translation>kademe sırası {unit!r} birimini iki kez içeriyor</translation>
    </message>
    <message>
        <source>the step order leaves out service units ({count} in all): {units}</source>
        <translation>kademe sırası bazı hizmet birimlerini dışarıda bırakıyor (toplam {count}): {units}</translation>
    </message>
    <message>
        <source>a closed group that passes its cost only among itself: {units}</source>
        <translation>maliyetini yalnızca kendi içinde dolaştıran kapalı bir grup: {units}</translation>
    </message>
    <message>
        <source>every unit that depends on it is closed before it in the step order</source>
        <translation>ona bağımlı her birim kademe sırasında ondan önce kapatılıyor</translation>
    </message>
    <message>
        <source>no revenue-generating unit depends on it directly (the direct method ignores service units&apos; dependencies on each other)</source>
        <translation>hiçbir gelir getiren birim doğrudan ona bağımlı değil (doğrudan yöntem hizmet birimlerinin birbirine bağımlılıklarını yok sayar)</translation>
    </message>
    <message>
        <source>no unit depends on it</source>
        <translation>hiçbir birim ona bağımlı değil</translation>
    </message>
    <message>
        <source>part of its cost stops at {units}, which hand nothing on to revenue-generating units</source>
        <translation>maliyetinin bir kısmı gelir getiren birimlere hiçbir şey aktarmayan şu birimlerde kalıyor: {units}</translation>
    </message>
    <message>
        <source>{first}, {second}</source>
        <translation>{first}, {second}</translation>
    </message>
    <message>
        <source>{units} and {count} more</source>
        <translation>{units} ve {count} birim daha</translation>
    </message>
    <message>
        <source>{problem}; reporting line left out</source>
        <translation>{problem}; raporlama hattı dışarıda bırakıldı</translation>
    </message>
    <message>
        <source>{counts} ({rejections})</source>
        <translation>{counts} ({rejections})</translation>
    </message>
    <message>
        <source>no unit after &quot;{group}&quot;</source>
        <translation>&quot;{group}&quot; ardından birim yok</translation>
    </message>
    <message>
        <source>group {group!r}: {problem}</source>
        <translation>{group!r} grubu: {problem}</translation>
    </message>
    <message>
        <source>group {group!r} is written twice</source>
        <translation>{group!r} grubu iki kez yazılmış</translation>
    </message>
    <message>
        <source>column &quot;{column}&quot; does not hold offices (front, middle, back): its values are kept in the notes</source>
        <translation>&quot;{column}&quot; sütunu ofis (ön, orta, arka) içermiyor: değerleri notlarda saklandı</translation>
    </message>
    <message>
        <source>unknown unit &quot;{reference}&quot;</source>
        <translation>bilinmeyen birim &quot;{reference}&quot;</translation>
    </message>
    <message>
        <source>&quot;{reference}&quot; is ambiguous (ids {ids}); use the id</source>
        <translation>&quot;{reference}&quot; belirsiz (kimlikler: {ids}); kimliği kullanın</translation>
    </message>
    <message>
        <source>&quot;{reference}&quot; is on a rejected row (row {row})</source>
        <translation>&quot;{reference}&quot; reddedilen bir satırda ({row}. satır)</translation>
    </message>
    <message>
        <source>a unit reports to one unit only, got {count}</source>
        <translation>bir birim yalnızca tek bir birime raporlayabilir; {count} birim verildi</translation>
    </message>
    <message>
        <source>&quot;{reference}&quot; is named twice</source>
        <translation>&quot;{reference}&quot; iki kez yazılmış</translation>
    </message>
    <message>
        <source>&quot;{unit}&quot; is already on row {row}</source>
        <translation>&quot;{unit}&quot; zaten {row}. satırda kullanılıyor</translation>
    </message>
    <message>
        <source>column {number}</source>
        <translation>sütun {number}</translation>
    </message>
    <message>
        <source>no column for unit names (expected a header such as name, unit, ad or birim adı)</source>
        <translation>birim adları için sütun yok (name, unit, ad ya da birim adı gibi bir başlık bekleniyordu)</translation>
    </message>
    <message>
        <source>no cost and no automation potential</source>
        <translation>maliyeti de otomasyon potansiyeli de yok</translation>
    </message>
    <message>
        <source>no cost</source>
        <translation>maliyeti yok</translation>
    </message>
    <message>
        <source>no automation potential</source>
        <translation>otomasyon potansiyeli yok</translation>
    </message>
    <message>
        <source>cannot save {file}: a table is saved as {extensions}</source>
        <translation>{file} kaydedilemiyor: tablo {extensions} olarak kaydedilir</translation>
    </message>
    <message>
        <source>unknown unit ids: {ids}</source>
        <translation>bilinmeyen birim kimlikleri: {ids}</translation>
    </message>
    <message>
        <source>{place}: {problem}</source>
        <translation>{place}: {problem}</translation>
    </message>
    <message>
        <source>… and {count:,} more</source>
        <translation>… ve {count:,} tane daha</translation>
    </message>
    <message>
        <source>no unit could be imported</source>
        <translation>hiçbir birim içe aktarılamadı</translation>
    </message>
    <message>
        <source>{count} unit has no office and is not classified: {units}</source>
        <translation>{count} birimin ofisi yok, sınıflandırılmadı: {units}</translation>
    </message>
    <message>
        <source>{count} units have no office and are not classified: {units}</source>
        <translation>{count} birimin ofisi yok, sınıflandırılmadı: {units}</translation>
    </message>
    <message>
        <source>unknown field &quot;{field}&quot; (the fields are: {fields})</source>
        <translation>bilinmeyen alan &quot;{field}&quot; (alanlar: {fields})</translation>
    </message>
    <message>
        <source>no column &quot;{column}&quot; for {field} (the columns are: {columns})</source>
        <translation>{field} için &quot;{column}&quot; sütunu yok (sütunlar: {columns})</translation>
    </message>
    <message>
        <source>not a draw.io file: no &lt;diagram&gt; page</source>
        <translation>draw.io dosyası değil: &lt;diagram&gt; sayfası yok</translation>
    </message>
    <message>
        <source>Page-{number}</source>
        <translation>Sayfa-{number}</translation>
    </message>
    <message>
        <source>no page &quot;{page}&quot; (the pages are: {pages})</source>
        <translation>&quot;{page}&quot; sayfası yok (sayfalar: {pages})</translation>
    </message>
    <message>
        <source>page &quot;{page}&quot; imported; the file has {count} pages: {pages}</source>
        <translation>&quot;{page}&quot; sayfası içe aktarıldı; dosyada {count} sayfa var: {pages}</translation>
    </message>
    <message>
        <source>the page is empty</source>
        <translation>sayfa boş</translation>
    </message>
    <message>
        <source>the page is too large once uncompressed</source>
        <translation>sayfa açıldığında çok büyük</translation>
    </message>
    <message>
        <source>the compressed page cannot be read (not deflate and base64)</source>
        <translation>sıkıştırılmış sayfa okunamıyor (deflate ve base64 değil)</translation>
    </message>
    <message>
        <source>connector {id}</source>
        <translation>bağlayıcı {id}</translation>
    </message>
    <message>
        <source>does not join two shapes with text</source>
        <translation>metinli iki şekli birleştirmiyor</translation>
    </message>
    <message>
        <source>duplicate dependency</source>
        <translation>yinelenen bağımlılık</translation>
    </message>
    <message>
        <source>the connectors draw a top-down tree: read as reporting lines (the lower shape reports to the upper)</source>
        <translation>bağlayıcılar yukarıdan aşağıya bir ağaç çiziyor: raporlama hatları olarak okundu (alttaki şekil üsttekine bağlı)</translation>
    </message>
    <message>
        <source>{count:,} shapes inside containers report to their container</source>
        <translation>kapsayıcıların içindeki {count:,} şekil kapsayıcısına bağlandı</translation>
    </message>
    <message>
        <source>labels with control characters (invisible), each replaced by a space: {count:,}</source>
        <translation>denetim karakteri (görünmez) içeren etiketler, her biri boşlukla değiştirildi: {count:,}</translation>
    </message>
    <message>
        <source>the model in the archive is too large</source>
        <translation>arşivdeki model çok büyük</translation>
    </message>
    <message>
        <source>not an Archi archive: no model.xml inside</source>
        <translation>Archi arşivi değil: içinde model.xml yok</translation>
    </message>
    <message>
        <source>relation {id}</source>
        <translation>ilişki {id}</translation>
    </message>
    <message>
        <source>{unit} already reports to {parent}</source>
        <translation>{unit} zaten {parent} birimine bağlı</translation>
    </message>
    <message>
        <source>{count:,} reporting lines from elements drawn inside others in the views</source>
        <translation>görünümlerde başka öğelerin içine çizilmiş öğelerden {count:,} raporlama hattı</translation>
    </message>
    <message>
        <source>elements that are not units were left out: {types}</source>
        <translation>birim olmayan öğeler dışarıda bırakıldı: {types}</translation>
    </message>
    <message>
        <source>relations not read (not between two units, or of a kind that is no support): {types}</source>
        <translation>okunmayan ilişkiler (iki birim arasında değil ya da destek anlamı taşımıyor): {types}</translation>
    </message>
    <message>
        <source>left out:</source>
        <translation>dışarıda bırakılanlar:</translation>
    </message>
    <message>
        <source>{file}: cannot read the lexicon: {reason}</source>
        <translation>{file}: sözlük okunamıyor: {reason}</translation>
    </message>
    <message>
        <source>{file}: not a lexicon: invalid JSON at line {line}</source>
        <translation>{file}: sözlük değil: {line}. satırda geçersiz JSON</translation>
    </message>
    <message>
        <source>{file}: not a lexicon: expected an object with &quot;offices&quot;</source>
        <translation>{file}: sözlük değil: &quot;offices&quot; içeren bir nesne bekleniyordu</translation>
    </message>
    <message>
        <source>{file}: ignore: expected a list of words</source>
        <translation>{file}: ignore: bir sözcük listesi bekleniyordu</translation>
    </message>
    <message>
        <source>{file}: offices.{office}: expected &quot;front&quot;, &quot;middle&quot; or &quot;back&quot; with lists of words</source>
        <translation>{file}: offices.{office}: sözcük listeleriyle &quot;front&quot;, &quot;middle&quot; veya &quot;back&quot; bekleniyordu</translation>
    </message>
    <message>
        <source>{file}: offices.{office}.{group}: expected &quot;strong&quot;, &quot;weak&quot; or &quot;acronyms&quot; with a list of words</source>
        <translation>{file}: offices.{office}.{group}: bir sözcük listesiyle &quot;strong&quot;, &quot;weak&quot; veya &quot;acronyms&quot; bekleniyordu</translation>
    </message>
    <message>
        <source>its shared strings unpack to {size:.0f} MB; the limit is {limit} MB</source>
        <translation>paylaşılan metinleri açılınca {size:.0f} MB tutuyor; sınır {limit} MB</translation>
    </message>
    <message>
        <source>{part} unpacks to {ratio:,} times its size (a zip bomb?); the limit is {limit}</source>
        <translation>{part} açılınca boyutunun {ratio:,} katına çıkıyor (zip bombası mı?); sınır {limit}</translation>
    </message>
    <message>
        <source>it unpacks to {size:.0f} MB; the limit is {limit} MB</source>
        <translation>açılınca {size:.0f} MB tutuyor; sınır {limit} MB</translation>
    </message>
    <message>
        <source>row {row:,} is beyond the last row a workbook may have ({limit:,})</source>
        <translation>{row:,}. satır bir çalışma kitabının olabilecek son satırının ötesinde ({limit:,})</translation>
    </message>
    <message>
        <source>row {row:,} has a cell in column {column:,}; the limit is {limit:,} columns</source>
        <translation>{row:,}. satırda {column:,}. sütunda bir hücre var; sınır {limit:,} sütun</translation>
    </message>
    <message>
        <source>row {row:,}, column {column:,}: a cell of {size:,} characters; the limit is {limit:,}</source>
        <translation>{row:,}. satır, {column:,}. sütun: {size:,} karakterlik bir hücre; sınır {limit:,}</translation>
    </message>
</context>
<context>
    <name>AnalysisDock</name>
    <message>
        <source>Name</source>
        <translation>Ad</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Ofis</translation>
    </message>
    <message>
        <source>Back-office supporters</source>
        <translation>Arka ofis destekçileri</translation>
    </message>
    <message>
        <source>Supporters</source>
        <comment>short header</comment>
        <translation>Destekçiler</translation>
    </message>
    <message>
        <source>Supported by</source>
        <translation>Destekleyenler</translation>
    </message>
    <message>
        <source>No back-office unit supports it</source>
        <translation>Hiçbir arka ofis birimi desteklemiyor</translation>
    </message>
    <message>
        <source>Revenue units supported</source>
        <translation>Desteklenen gelir birimleri</translation>
    </message>
    <message>
        <source>Supports</source>
        <comment>short header</comment>
        <translation>Desteklediği</translation>
    </message>
    <message>
        <source>Revenue at risk</source>
        <translation>Risk altındaki gelir</translation>
    </message>
    <message>
        <source>At risk</source>
        <comment>short header</comment>
        <translation>Riskte</translation>
    </message>
    <message>
        <source>Automation potential</source>
        <translation>Otomasyon potansiyeli</translation>
    </message>
    <message>
        <source>Automation</source>
        <comment>short header</comment>
        <translation>Otomasyon</translation>
    </message>
    <message>
        <source>%1 %</source>
        <comment>percentage</comment>
        <translation>%%1</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>Analiz</translation>
    </message>
    <message>
        <source>Revenue units</source>
        <translation>Gelir birimleri</translation>
    </message>
    <message>
        <source>Back-office units</source>
        <translation>Arka ofis birimleri</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Bulgular</translation>
    </message>
    <message>
        <source>Cost to serve</source>
        <translation>Hizmet maliyeti</translation>
    </message>
    <message>
        <source>Automation</source>
        <translation>Otomasyon</translation>
    </message>
    <message>
        <source>What-if</source>
        <translation>Senaryo</translation>
    </message>
    <message numerus="yes">
        <source>%Ln units are not classified: support and cost figures leave them out</source>
        <translation>
            <numerusform>%Ln birim sınıflandırılmadı: destek ve maliyet rakamları bunları dışarıda bırakır</numerusform>
        </translation>
    </message>
    <message>
        <source>Revenue units without back-office support (%1)</source>
        <translation>Arka ofis desteği olmayan gelir birimleri (%1)</translation>
    </message>
    <message>
        <source>Back-office units that support nothing (%1)</source>
        <translation>Hiçbir birimi desteklemeyen arka ofis birimleri (%1)</translation>
    </message>
    <message>
        <source>Dependency cycles (%1)</source>
        <translation>Bağımlılık döngüleri (%1)</translation>
    </message>
    <message numerus="yes">
        <source>… (%Ln units)</source>
        <translation>
            <numerusform>… (%Ln birim)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AutomationTable</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Ad</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Ofis</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Maliyet</translation>
    </message>
    <message>
        <source>Potential</source>
        <translation>Potansiyel</translation>
    </message>
    <message>
        <source>Ease</source>
        <translation>Kolaylık</translation>
    </message>
    <message>
        <source>Savings potential</source>
        <translation>Tasarruf potansiyeli</translation>
    </message>
    <message>
        <source>Automation priority</source>
        <translation>Otomasyon önceliği</translation>
    </message>
    <message>
        <source>Revenue supported</source>
        <translation>Desteklenen gelir</translation>
    </message>
    <message>
        <source>Why not ranked</source>
        <translation>Neden sıralanmadı</translation>
    </message>
</context>
<context>
    <name>AutomationView</name>
    <message>
        <source>All offices</source>
        <translation>Tüm ofisler</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Göster:</translation>
    </message>
    <message>
        <source>Automation priority</source>
        <translation>Otomasyon önceliği</translation>
    </message>
    <message>
        <source>%1 units ranked; %2 lack a cost or a potential (listed last).</source>
        <translation>%1 birim sıralandı; %2 birimin maliyeti ya da potansiyeli yok (en sonda listelenir).</translation>
    </message>
    <message>
        <source>The automation ranking could not be made.</source>
        <translation>Otomasyon sıralaması yapılamadı.</translation>
    </message>
</context>
<context>
    <name>CanvasMenus</name>
    <message>
        <source>Edit Weight…</source>
        <translation>Ağırlığı Düzenle…</translation>
    </message>
    <message>
        <source>Edit Label…</source>
        <translation>Etiketi Düzenle…</translation>
    </message>
    <message>
        <source>Reverse Direction</source>
        <translation>Yönü Ters Çevir</translation>
    </message>
    <message>
        <source>Group as Alternative…</source>
        <translation>Alternatif Grubuna Ekle…</translation>
    </message>
    <message>
        <source>Make Required</source>
        <translation>Gerekli Yap</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Ofis</translation>
    </message>
    <message>
        <source>Reports To…</source>
        <translation>Raporladığı Birim…</translation>
    </message>
    <message>
        <source>Select Supporters</source>
        <translation>Destekçileri Seç</translation>
    </message>
    <message>
        <source>Select Supported Revenue Units</source>
        <translation>Desteklenen Gelir Birimlerini Seç</translation>
    </message>
    <message>
        <source>Restore Unit</source>
        <translation>Birimi geri getir</translation>
    </message>
    <message>
        <source>Simulate Failure</source>
        <translation>Arızayı simüle et</translation>
    </message>
    <message>
        <source>Add front-office unit here</source>
        <translation>Buraya ön ofis birimi ekle</translation>
    </message>
    <message>
        <source>Add middle-office unit here</source>
        <translation>Buraya orta ofis birimi ekle</translation>
    </message>
    <message>
        <source>Add back-office unit here</source>
        <translation>Buraya arka ofis birimi ekle</translation>
    </message>
    <message numerus="yes">
        <source>Move %Ln units to %1</source>
        <translation>
            <numerusform>%Ln birimi %1 bölümüne taşı</numerusform>
        </translation>
    </message>
    <message>
        <source>Weight of “%1” → “%2” (how much of the supporter&apos;s work it takes):</source>
        <translation>“%1” → “%2” ağırlığı (destekleyen birimin işinin ne kadarını aldığı):</translation>
    </message>
    <message>
        <source>Edit Weight</source>
        <translation>Ağırlığı Düzenle</translation>
    </message>
    <message>
        <source>Edit Label</source>
        <translation>Etiketi Düzenle</translation>
    </message>
    <message>
        <source>Label of “%1” → “%2”:</source>
        <translation>“%1” → “%2” etiketi:</translation>
    </message>
    <message>
        <source>Alternative group of “%1” → “%2” (dependencies of one unit that share a group are alternatives: it needs at least one of them):</source>
        <translation>“%1” → “%2” alternatif grubu (bir birimin aynı grubu paylaşan bağımlılıkları alternatiftir: en az biri gerekir):</translation>
    </message>
    <message>
        <source>Group as Alternative</source>
        <translation>Alternatif Grubuna Ekle</translation>
    </message>
    <message>
        <source>alternatives</source>
        <translation>alternatifler</translation>
    </message>
</context>
<context>
    <name>Chart</name>
    <message>
        <source>Unclassified</source>
        <translation>Sınıflandırılmamış</translation>
    </message>
    <message>
        <source>%1 B</source>
        <comment>billions</comment>
        <translation>%1 Mr</translation>
    </message>
    <message>
        <source>%1 M</source>
        <comment>millions</comment>
        <translation>%1 Mn</translation>
    </message>
    <message>
        <source>%1 K</source>
        <comment>thousands</comment>
        <translation>%1 B</translation>
    </message>
    <message>
        <source>cannot export to “%1”: use .png or .svg</source>
        <translation>“%1” dosyasına dışa aktarılamıyor: .png veya .svg kullanın</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>Export chart…</source>
        <translation>Grafiği dışa aktar…</translation>
    </message>
    <message>
        <source>Save this chart as a PNG or SVG picture</source>
        <translation>Bu grafiği PNG veya SVG resmi olarak kaydet</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG resmi (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG çizimi (*.svg)</translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation>Grafiği Dışa Aktar</translation>
    </message>
    <message>
        <source>Cannot export the chart</source>
        <translation>Grafik dışa aktarılamıyor</translation>
    </message>
    <message>
        <source>The chart was not exported to “%1”.

%2</source>
        <translation>Grafik “%1” dosyasına aktarılmadı.

%2</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tablo</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Grafik</translation>
    </message>
</context>
<context>
    <name>ClassifyDialog</name>
    <message>
        <source>Classify Offices</source>
        <translation>Ofisleri Sınıflandır</translation>
    </message>
    <message>
        <source>Also suggest for units that have an office</source>
        <translation>Ofisi olan birimler için de öner</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Birim</translation>
    </message>
    <message>
        <source>Office now</source>
        <translation>Şimdiki ofis</translation>
    </message>
    <message>
        <source>Suggested office</source>
        <translation>Önerilen ofis</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Gerekçe</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Güven</translation>
    </message>
    <message>
        <source>no office word in the name</source>
        <translation>adında ofis sözcüğü yok</translation>
    </message>
    <message numerus="yes">
        <source>%Ln unit(s) without an office.</source>
        <translation>
            <numerusform>Ofisi olmayan %Ln birim.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln suggestion(s) from names: the sure ones are ticked; tick or untick any, then Apply (one undo step).</source>
        <translation>
            <numerusform>Adlardan %Ln öneri: emin olunanlar işaretli; istediğinizi işaretleyin ya da kaldırın, sonra Uygula (tek geri alma adımı).</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” in the name</source>
        <translation>adında “%1”</translation>
    </message>
    <message>
        <source>“%1” in the tags</source>
        <translation>etiketlerinde “%1”</translation>
    </message>
    <message>
        <source>“%1” in the notes</source>
        <translation>notlarında “%1”</translation>
    </message>
    <message numerus="yes">
        <source>Classify %Ln unit(s)</source>
        <translation>
            <numerusform>%Ln birimi sınıflandır</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClassifyOffer</name>
    <message numerus="yes">
        <source>%Ln imported unit(s) have no office. Suggest offices from their names now?</source>
        <translation>
            <numerusform>İçe aktarılan %Ln birimin ofisi yok. Adlarından ofis önerilsin mi?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>Add “%1”</source>
        <translation>“%1” ekle</translation>
    </message>
    <message>
        <source>Delete “%1”</source>
        <translation>“%1” sil</translation>
    </message>
    <message>
        <source>Edit “%1”</source>
        <translation>“%1” düzenle</translation>
    </message>
    <message>
        <source>Move “%1”</source>
        <translation>“%1” taşı</translation>
    </message>
    <message>
        <source>“%1” reports to no one</source>
        <translation>“%1” kimseye raporlamıyor</translation>
    </message>
    <message>
        <source>“%1” reports to “%2”</source>
        <translation>“%1”, “%2” birimine raporlar</translation>
    </message>
    <message>
        <source>“%1” depends on “%2”</source>
        <translation>“%1”, “%2” birimine bağımlı</translation>
    </message>
    <message>
        <source>Delete dependency “%1” → “%2”</source>
        <translation>“%1” → “%2” bağımlılığını sil</translation>
    </message>
    <message>
        <source>Edit dependency “%1” → “%2”</source>
        <translation>“%1” → “%2” bağımlılığını düzenle</translation>
    </message>
    <message>
        <source>Change the id of “%1” to “%2”</source>
        <translation>“%1” biriminin kimliğini “%2” olarak değiştir</translation>
    </message>
    <message>
        <source>Rename the model to “%1”</source>
        <translation>Modelin adını “%1” olarak değiştir</translation>
    </message>
    <message>
        <source>Edit the model&apos;s properties</source>
        <translation>Model özelliklerini düzenle</translation>
    </message>
</context>
<context>
    <name>CostBars</name>
    <message>
        <source>Cost to serve</source>
        <translation>Hizmet maliyeti</translation>
    </message>
    <message>
        <source>Fully loaded cost = own cost + service cost allocated (%1 method), by the office it comes from.</source>
        <translation>Tam yüklenmiş maliyet = kendi maliyeti + dağıtılan hizmet maliyeti (%1 yöntem), geldiği ofise göre.</translation>
    </message>
    <message>
        <source>reciprocal</source>
        <translation>karşılıklı</translation>
    </message>
    <message>
        <source>step-down</source>
        <translation>kademeli</translation>
    </message>
    <message>
        <source>direct</source>
        <translation>doğrudan</translation>
    </message>
    <message numerus="yes">
        <source>%Ln more revenue units not shown.</source>
        <translation>
            <numerusform>%Ln gelir birimi daha gösterilmiyor.</numerusform>
        </translation>
    </message>
    <message>
        <source>Own cost</source>
        <translation>Kendi maliyeti</translation>
    </message>
    <message>
        <source>Allocated from:</source>
        <translation>Dağıtılan maliyetin kaynağı:</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Gelir</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>Marj</translation>
    </message>
    <message>
        <source>Allocated from %1</source>
        <translation>%1 kaynaklı dağıtım</translation>
    </message>
    <message>
        <source>Fully loaded cost</source>
        <translation>Tam yüklenmiş maliyet</translation>
    </message>
    <message>
        <source>No revenue-generating unit.</source>
        <translation>Gelir getiren birim yok.</translation>
    </message>
</context>
<context>
    <name>CostTable</name>
    <message>
        <source>Name</source>
        <translation>Ad</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Ofis</translation>
    </message>
    <message>
        <source>Own cost</source>
        <translation>Kendi maliyeti</translation>
    </message>
    <message>
        <source>Allocated</source>
        <translation>Dağıtılan</translation>
    </message>
    <message>
        <source>Fully loaded</source>
        <translation>Tam yüklenmiş maliyet</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Gelir</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>Marj</translation>
    </message>
</context>
<context>
    <name>CostView</name>
    <message>
        <source>Reciprocal</source>
        <translation>Karşılıklı</translation>
    </message>
    <message>
        <source>Step-down</source>
        <translation>Kademeli</translation>
    </message>
    <message>
        <source>Direct</source>
        <translation>Doğrudan</translation>
    </message>
    <message>
        <source>How the cost of service units that serve each other is shared out</source>
        <translation>Birbirine hizmet veren hizmet birimlerinin maliyetinin nasıl paylaştırıldığı</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Yöntem:</translation>
    </message>
    <message>
        <source>Cost to serve</source>
        <translation>Hizmet maliyeti</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Birim</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Tutar</translation>
    </message>
    <message>
        <source>The service costs could not be allocated.</source>
        <translation>Hizmet maliyetleri dağıtılamadı.</translation>
    </message>
    <message>
        <source>Service cost %1 · allocated %2 · unallocated %3</source>
        <translation>Hizmet maliyeti %1 · dağıtılan %2 · dağıtılamayan %3</translation>
    </message>
    <message>
        <source>Select a unit to see where its cost comes from or goes.</source>
        <translation>Maliyetinin nereden geldiğini ya da nereye gittiğini görmek için bir birim seçin.</translation>
    </message>
    <message>
        <source>Where the allocated cost of “%1” comes from</source>
        <translation>“%1” birimine dağıtılan maliyetin kaynakları</translation>
    </message>
    <message>
        <source>“%1” has no cost to hand on.</source>
        <translation>“%1” biriminin aktaracağı maliyeti yok.</translation>
    </message>
    <message>
        <source>Where the cost of “%1” goes</source>
        <translation>“%1” biriminin maliyetinin gittiği yerler</translation>
    </message>
    <message>
        <source>Unallocated</source>
        <translation>Dağıtılamayan</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>Something went wrong</source>
        <translation>Bir şeyler ters gitti</translation>
    </message>
    <message>
        <source>OrgModel hit an unexpected problem and stopped what it was doing. Your document is still open; save it under a new name to be safe.</source>
        <translation>OrgModel beklenmedik bir sorunla karşılaştı ve yaptığı işi durdurdu. Belgeniz hâlâ açık; güvende olmak için onu yeni bir adla kaydedin.</translation>
    </message>
    <message>
        <source>Copy Details</source>
        <translation>Ayrıntıları Kopyala</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <source>Untitled</source>
        <translation>Adsız</translation>
    </message>
    <message>
        <source>New front-office unit</source>
        <translation>Yeni ön ofis birimi</translation>
    </message>
    <message>
        <source>New middle-office unit</source>
        <translation>Yeni orta ofis birimi</translation>
    </message>
    <message>
        <source>New back-office unit</source>
        <translation>Yeni arka ofis birimi</translation>
    </message>
    <message>
        <source>Rename “%1” to “%2”</source>
        <translation>“%1” adını “%2” olarak değiştir</translation>
    </message>
    <message>
        <source>Layout: org chart</source>
        <translation>Yerleşim: organizasyon şeması</translation>
    </message>
    <message>
        <source>Layout: office bands</source>
        <translation>Yerleşim: ofis bantları</translation>
    </message>
    <message>
        <source>Reverse dependency “%1” → “%2”</source>
        <translation>“%1” → “%2” bağımlılığını ters çevir</translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln units</source>
        <translation>
            <numerusform>%Ln birimi sil</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln items</source>
        <translation>
            <numerusform>%Ln öğeyi sil</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Untitled</source>
        <translation>Adsız</translation>
    </message>
    <message>
        <source>nothing to export: the diagram is empty</source>
        <translation>dışa aktarılacak bir şey yok: diyagram boş</translation>
    </message>
    <message>
        <source>cannot export to “%1”: use .png, .svg or .pdf</source>
        <translation>“%1” olarak dışa aktarılamıyor: .png, .svg ya da .pdf kullanın</translation>
    </message>
    <message>
        <source>cannot export to “%1”: no such folder</source>
        <translation>“%1” konumuna dışa aktarılamıyor: böyle bir klasör yok</translation>
    </message>
    <message>
        <source>Exported from OrgModel</source>
        <translation>OrgModel&apos;den dışa aktarıldı</translation>
    </message>
    <message>
        <source>cannot write “%1”</source>
        <translation>“%1” yazılamıyor</translation>
    </message>
    <message>
        <source>The image was scaled down to %1 px to keep it easy to open; choose a scale to make it larger.</source>
        <translation>Görüntü kolay açılabilmesi için %1 piksele küçültüldü; daha büyük olması için bir ölçek seçin.</translation>
    </message>
    <message>
        <source>The image was scaled down to %1 px: %2 px is more than an image can hold.</source>
        <translation>Görüntü %1 piksele küçültüldü: %2 piksel, bir görüntünün alabileceğinden fazla.</translation>
    </message>
    <message>
        <source>not enough memory for a %1 px image</source>
        <translation>%1 piksellik bir görüntü için yeterli bellek yok</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Diagram size</source>
        <translation>Diyagram boyutu</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>A3</source>
        <translation>A3</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Letter (ABD)</translation>
    </message>
    <message>
        <source>Export as %1</source>
        <translation>%1 olarak dışa aktar</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Otomatik</translation>
    </message>
    <message>
        <source>Transparent background</source>
        <translation>Saydam arka plan</translation>
    </message>
    <message>
        <source>Selected units only</source>
        <translation>Yalnızca seçili birimler</translation>
    </message>
    <message>
        <source>Office legend</source>
        <translation>Ofis göstergesi</translation>
    </message>
    <message>
        <source>Title (model name and date)</source>
        <translation>Başlık (model adı ve tarih)</translation>
    </message>
    <message>
        <source>Analysis highlight as shown</source>
        <translation>Analiz vurgusu ekrandaki gibi</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>Yatay</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>Ölçek</translation>
    </message>
    <message>
        <source>Image size</source>
        <translation>Görüntü boyutu</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Sayfa</translation>
    </message>
    <message>
        <source>%1 × %2 px</source>
        <translation>%1 × %2 piksel</translation>
    </message>
    <message>
        <source>%1 (scaled down to stay within %2 megapixels)</source>
        <translation>%1 (%2 megapiksel sınırında kalmak için küçültüldü)</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import %1</source>
        <translation>%1 içe aktar</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Kimlik</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Ad</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Ofis</translation>
    </message>
    <message>
        <source>Revenue-generating</source>
        <translation>Gelir getiren</translation>
    </message>
    <message>
        <source>Reports to</source>
        <translation>Raporladığı birim</translation>
    </message>
    <message>
        <source>Depends on</source>
        <translation>Bağımlı olduğu birimler</translation>
    </message>
    <message>
        <source>Headcount</source>
        <translation>Çalışan sayısı</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Maliyet</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Gelir</translation>
    </message>
    <message>
        <source>Automation potential</source>
        <translation>Otomasyon potansiyeli</translation>
    </message>
    <message>
        <source>Ease of automation</source>
        <translation>Otomasyon kolaylığı</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiketler</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notlar</translation>
    </message>
    <message>
        <source>Job title (kept in notes)</source>
        <translation>Unvan (notlarda saklanır)</translation>
    </message>
    <message>
        <source>— not imported —</source>
        <translation>— içe aktarılmaz —</translation>
    </message>
    <message>
        <source>(column %1)</source>
        <translation>(%1. sütun)</translation>
    </message>
    <message>
        <source>The first rows as they will be read:</source>
        <translation>İlk satırlar okunacakları gibi:</translation>
    </message>
    <message>
        <source>Import as a new model</source>
        <translation>Yeni model olarak içe aktar</translation>
    </message>
    <message>
        <source>Merge into the open model</source>
        <translation>Açık modelle birleştir</translation>
    </message>
    <message>
        <source>Units with the same id are updated, new ones added; nothing is deleted. One undo step.</source>
        <translation>Aynı kimlikli birimler güncellenir, yeniler eklenir; hiçbir şey silinmez. Tek adımda geri alınır.</translation>
    </message>
    <message>
        <source>A name column is needed.</source>
        <translation>Bir ad sütunu gerekli.</translation>
    </message>
    <message>
        <source>Page:</source>
        <translation>Sayfa:</translation>
    </message>
    <message>
        <source>A dependency each way</source>
        <translation>İki yönde birer bağımlılık</translation>
    </message>
    <message>
        <source>The source depends on the target</source>
        <translation>Kaynak hedefe bağımlı</translation>
    </message>
    <message>
        <source>Undirected edges:</source>
        <translation>Yönsüz kenarlar:</translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message>
        <source>Imported %1</source>
        <translation>%1 içe aktarıldı</translation>
    </message>
    <message>
        <source>Imported.</source>
        <translation>İçe aktarıldı.</translation>
    </message>
    <message>
        <source>File: %1, sheet “%2”</source>
        <translation>Dosya: %1, sayfa “%2”</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>Dosya: %1</translation>
    </message>
    <message>
        <source>Check these before you go on:</source>
        <translation>Devam etmeden önce bunlara bakın:</translation>
    </message>
    <message>
        <source>Copy to Clipboard</source>
        <translation>Panoya Kopyala</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <source>? not classified (no office yet)</source>
        <translation>? sınıflandırılmadı (henüz ofisi yok)</translation>
    </message>
    <message>
        <source>★ revenue-generating</source>
        <translation>★ gelir getiren</translation>
    </message>
    <message>
        <source>depends on</source>
        <translation>bağımlı</translation>
    </message>
    <message>
        <source>reports to</source>
        <translation>raporlar</translation>
    </message>
    <message>
        <source>alternatives: at least one is needed</source>
        <translation>Alternatifler: en az biri gerekir</translation>
    </message>
    <message>
        <source>+ %1 more</source>
        <translation>+ %1 tane daha</translation>
    </message>
    <message>
        <source>custom colours not listed: %1</source>
        <translation>listelenmeyen özel renkler: %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Zoom %1%</source>
        <translation>Yakınlaştırma %%1</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Yeni</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Aç…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Kaydet</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>&amp;Farklı Kaydet…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>Ka&amp;pat</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Dışa Aktar…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>İç&amp;e Aktar…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Çıkış</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Geri Al</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Yinele</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Geri Al</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Yinele</translation>
    </message>
    <message>
        <source>&amp;Model Properties…</source>
        <translation>&amp;Model Özellikleri…</translation>
    </message>
    <message>
        <source>The model&apos;s name (used in exports) and description</source>
        <translation>Modelin adı (dışa aktarmalarda kullanılır) ve açıklaması</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Sil</translation>
    </message>
    <message>
        <source>Re&amp;name</source>
        <translation>Yeniden &amp;Adlandır</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Tümünü Seç</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Yakınlaştır</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>&amp;Uzaklaştır</translation>
    </message>
    <message>
        <source>&amp;Fit to Content</source>
        <translation>İçeriğe &amp;Sığdır</translation>
    </message>
    <message>
        <source>Zoom to &amp;Selection</source>
        <translation>S&amp;eçime Yakınlaştır</translation>
    </message>
    <message>
        <source>Show the selected units (or the ends of the selected line) as large as fits</source>
        <translation>Seçili birimleri (ya da seçili çizginin uçlarını) sığdığı kadar büyük göster</translation>
    </message>
    <message>
        <source>&amp;Highlight Support</source>
        <translation>Desteği &amp;Vurgula</translation>
    </message>
    <message>
        <source>Show the chains between the selected unit and the units it counts, fading the rest</source>
        <translation>Seçili birimle saydığı birimler arasındaki zincirleri göster, gerisini soluklaştır</translation>
    </message>
    <message>
        <source>Show Le&amp;gend</source>
        <translation>&amp;Lejantı Göster</translation>
    </message>
    <message>
        <source>&amp;Find Unit…</source>
        <translation>&amp;Birim Bul…</translation>
    </message>
    <message>
        <source>Add front-office unit</source>
        <translation>Ön ofis birimi ekle</translation>
    </message>
    <message>
        <source>Add a front-office unit in the middle of the view</source>
        <translation>Görünümün ortasına bir ön ofis birimi ekle</translation>
    </message>
    <message>
        <source>Add middle-office unit</source>
        <translation>Orta ofis birimi ekle</translation>
    </message>
    <message>
        <source>Add a middle-office unit in the middle of the view</source>
        <translation>Görünümün ortasına bir orta ofis birimi ekle</translation>
    </message>
    <message>
        <source>Add back-office unit</source>
        <translation>Arka ofis birimi ekle</translation>
    </message>
    <message>
        <source>Add a back-office unit in the middle of the view</source>
        <translation>Görünümün ortasına bir arka ofis birimi ekle</translation>
    </message>
    <message>
        <source>&amp;Dependency Between Selected Units</source>
        <translation>Seçili Birimler Arasında &amp;Bağımlılık</translation>
    </message>
    <message>
        <source>The first selected unit depends on the second (or drag with Alt held)</source>
        <translation>İlk seçilen birim ikincisine bağımlı olur (ya da Alt basılıyken sürükleyin)</translation>
    </message>
    <message>
        <source>&amp;Reporting Line Between Selected Units</source>
        <translation>Seçili Birimler Arasında &amp;Raporlama Hattı</translation>
    </message>
    <message>
        <source>The first selected unit reports to the second (or drag with Shift+Alt held)</source>
        <translation>İlk seçilen birim ikincisine raporlar (ya da Shift+Alt basılıyken sürükleyin)</translation>
    </message>
    <message>
        <source>&amp;Org Chart</source>
        <translation>&amp;Organizasyon Şeması</translation>
    </message>
    <message>
        <source>Lay out the reporting lines as a tidy org chart</source>
        <translation>Raporlama hatlarını düzenli bir organizasyon şeması olarak yerleştir</translation>
    </message>
    <message>
        <source>Office &amp;Bands</source>
        <translation>Ofis &amp;Bantları</translation>
    </message>
    <message>
        <source>Front, middle and back office in bands, ordered to reduce crossings</source>
        <translation>Ön, orta ve arka ofis bantlar hâlinde, kesişmeleri azaltacak biçimde sıralı</translation>
    </message>
    <message>
        <source>&amp;Re-apply Last Layout</source>
        <translation>Son Yerleşimi &amp;Yeniden Uygula</translation>
    </message>
    <message>
        <source>Layout &amp;Selection Only</source>
        <translation>Yalnızca &amp;Seçimi Yerleştir</translation>
    </message>
    <message>
        <source>&amp;Clear Highlight</source>
        <translation>&amp;Vurgulamayı Temizle</translation>
    </message>
    <message>
        <source>Classify &amp;Offices…</source>
        <translation>&amp;Ofisleri Sınıflandır…</translation>
    </message>
    <message>
        <source>Suggest an office for each unit from its name, with the reason</source>
        <translation>Her birime adından, gerekçesiyle bir ofis öner</translation>
    </message>
    <message>
        <source>&amp;About OrgModel</source>
        <translation>OrgModel &amp;Hakkında</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Klavye Kısayolları</translation>
    </message>
    <message>
        <source>Select the units to zoom to</source>
        <translation>Yakınlaştırılacak birimleri seçin</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Dosya</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Son Açılanlar</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>Dü&amp;zen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Görünüm</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Dil</translation>
    </message>
    <message>
        <source>&amp;Insert</source>
        <translation>&amp;Ekle</translation>
    </message>
    <message>
        <source>&amp;Layout</source>
        <translation>&amp;Yerleşim</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>&amp;Analiz</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Yardı&amp;m</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Ana</translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation> (salt okunur)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Kaydedilmemiş değişiklikler</translation>
    </message>
    <message>
        <source>Save the changes to “%1” before closing it?</source>
        <translation>Kapatmadan önce “%1” üzerindeki değişiklikler kaydedilsin mi?</translation>
    </message>
    <message>
        <source>OrgModel models (*.orgmodel);;JSON (*.json)</source>
        <translation>OrgModel modelleri (*.orgmodel);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Open Model</source>
        <translation>Model Aç</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 açıldı</translation>
    </message>
    <message>
        <source>Cannot open model</source>
        <translation>Model açılamıyor</translation>
    </message>
    <message numerus="yes">
        <source>“%1” cannot be opened: %Ln problem(s).</source>
        <translation>
            <numerusform>“%1” açılamıyor: %Ln sorun.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln more (see details)</source>
        <translation>
            <numerusform>… ve %Ln tane daha (ayrıntılara bakın)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is not classified: choose its office in Properties, or Analysis › Classify Offices…</source>
        <translation>%1 sınıflandırılmadı: ofisini Özellikler&apos;de seçin ya da Analiz › Ofisleri Sınıflandır…</translation>
    </message>
    <message numerus="yes">
        <source>%1 is supported by %Ln back-office unit(s)</source>
        <translation>
            <numerusform>%1 birimini %Ln arka ofis birimi destekliyor</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 supports %Ln revenue-generating unit(s); revenue at risk: %2</source>
        <translation>
            <numerusform>%1, %Ln gelir getiren birimi destekliyor; risk altındaki gelir: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Reloaded %1 from disk</source>
        <translation>%1 diskten yeniden yüklendi</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>So&amp;nrakini Bul</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>Ön&amp;cekini Bul</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Adsız</translation>
    </message>
    <message>
        <source>Save Model As</source>
        <translation>Modeli Farklı Kaydet</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>Kaydedilemiyor</translation>
    </message>
    <message>
        <source>The model was not saved; the file on disk is unchanged.

%1</source>
        <translation>Model kaydedilmedi; diskteki dosya değişmedi.

%1</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 kaydedildi</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(yok)</translation>
    </message>
    <message>
        <source>Select exactly two units: first the one that depends or reports, then the other</source>
        <translation>Tam olarak iki birim seçin: önce bağımlı olan ya da raporlayan birimi, sonra diğerini</translation>
    </message>
    <message>
        <source>Select the units to lay out (Layout › Layout Selection Only is on)</source>
        <translation>Yerleştirilecek birimleri seçin (Yerleşim › Yalnızca Seçimi Yerleştir açık)</translation>
    </message>
    <message>
        <source>Layout cancelled; nothing moved</source>
        <translation>Yerleşim iptal edildi; hiçbir şey taşınmadı</translation>
    </message>
    <message>
        <source>Laying out…</source>
        <translation>Yerleştiriliyor…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>İptal</translation>
    </message>
    <message>
        <source>%1 is neither revenue-generating nor back office</source>
        <translation>%1 ne gelir getiren ne de arka ofis birimi</translation>
    </message>
    <message>
        <source>OrgModel will use %1 the next time you start it.</source>
        <translation>OrgModel bir sonraki açılışta %1 dilini kullanacak.</translation>
    </message>
    <message>
        <source>Restart now? The open model is reopened; you are asked about unsaved changes first.</source>
        <translation>Şimdi yeniden başlatılsın mı? Açık model yeniden açılır; önce kaydedilmemiş değişiklikler sorulur.</translation>
    </message>
    <message>
        <source>&amp;Simulate Failure of Selection</source>
        <translation>Seçimin arızasını &amp;simüle et</translation>
    </message>
    <message>
        <source>What if the selected units failed? Shows what goes down; changes nothing in the model</source>
        <translation>Seçili birimler devre dışı kalsa ne olur? Neyin durduğunu gösterir; modelde hiçbir şeyi değiştirmez</translation>
    </message>
    <message>
        <source>&amp;End Simulation</source>
        <translation>Simülasyonu &amp;bitir</translation>
    </message>
    <message>
        <source>Select the units to fail first</source>
        <translation>Önce devre dışı kalacak birimleri seçin</translation>
    </message>
</context>
<context>
    <name>MappingDialog</name>
    <message numerus="yes">
        <source>%Ln rows. Check which column holds each field:</source>
        <translation>
            <numerusform>%Ln satır. Her alanın hangi sütunda olduğunu kontrol edin:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ModelPage</name>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Adsız</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Ad</translation>
    </message>
    <message>
        <source>What this model is about</source>
        <translation>Bu modelin konusu</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Açıklama</translation>
    </message>
</context>
<context>
    <name>MoveUnitsCommand</name>
    <message numerus="yes">
        <source>Move %Ln units</source>
        <translation>
            <numerusform>%Ln birimi taşı</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NameList</name>
    <message numerus="yes">
        <source>… and %Ln more</source>
        <translation>
            <numerusform>… ve %Ln tane daha</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Office</name>
    <message>
        <source>Front office</source>
        <translation>Ön Ofis</translation>
    </message>
    <message>
        <source>Middle office</source>
        <translation>Orta Ofis</translation>
    </message>
    <message>
        <source>Back office</source>
        <translation>Arka Ofis</translation>
    </message>
    <message>
        <source>Not classified</source>
        <translation>Sınıflandırılmadı</translation>
    </message>
</context>
<context>
    <name>OrgScene</name>
    <message>
        <source>Drop on the unit it depends on (Esc cancels)</source>
        <translation>Bağımlı olduğu birimin üzerine bırakın (Esc iptal eder)</translation>
    </message>
    <message>
        <source>Drop on the unit it reports to (Esc cancels)</source>
        <translation>Raporladığı birimin üzerine bırakın (Esc iptal eder)</translation>
    </message>
    <message>
        <source>A unit cannot depend on itself</source>
        <translation>Bir birim kendisine bağımlı olamaz</translation>
    </message>
    <message>
        <source>A unit cannot report to itself</source>
        <translation>Bir birim kendisine raporlayamaz</translation>
    </message>
    <message>
        <source>“%1” already depends on “%2”</source>
        <translation>“%1” zaten “%2” birimine bağımlı</translation>
    </message>
    <message>
        <source>Cancelled: dropped on empty canvas</source>
        <translation>İptal edildi: boş tuvale bırakıldı</translation>
    </message>
</context>
<context>
    <name>OutlineDock</name>
    <message>
        <source>Outline</source>
        <translation>Anahat</translation>
    </message>
    <message>
        <source>Filter units…</source>
        <translation>Birimleri süz…</translation>
    </message>
    <message>
        <source>By office</source>
        <translation>Ofise göre</translation>
    </message>
    <message>
        <source>Reporting tree</source>
        <translation>Raporlama ağacı</translation>
    </message>
    <message>
        <source>Group the units by office or show who reports to whom</source>
        <translation>Birimleri ofise göre gruplayın ya da kimin kime raporladığını gösterin</translation>
    </message>
    <message>
        <source>Front office (%1)</source>
        <translation>Ön Ofis (%1)</translation>
    </message>
    <message>
        <source>Middle office (%1)</source>
        <translation>Orta Ofis (%1)</translation>
    </message>
    <message>
        <source>Back office (%1)</source>
        <translation>Arka Ofis (%1)</translation>
    </message>
    <message>
        <source>Not classified (%1)</source>
        <translation>Sınıflandırılmadı (%1)</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>PriorityMatrix</name>
    <message>
        <source>Automation priority</source>
        <translation>Otomasyon önceliği</translation>
    </message>
    <message>
        <source>Dashed lines: median savings potential (%1) and ease %2.</source>
        <translation>Kesikli çizgiler: ortanca tasarruf potansiyeli (%1) ve %2 kolaylık.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln units not shown: no cost or no automation potential.</source>
        <translation>
            <numerusform>%Ln birim gösterilmiyor: maliyeti veya otomasyon potansiyeli yok.</numerusform>
        </translation>
    </message>
    <message>
        <source>Bubble area: revenue supported</source>
        <translation>Balon alanı: desteklenen gelir</translation>
    </message>
    <message>
        <source>Automate first</source>
        <translation>Önce otomatikleştirin</translation>
    </message>
    <message>
        <source>%1 (not set)</source>
        <translation>%1 (girilmemiş)</translation>
    </message>
    <message>
        <source>Savings potential</source>
        <translation>Tasarruf potansiyeli</translation>
    </message>
    <message>
        <source>Ease</source>
        <translation>Kolaylık</translation>
    </message>
    <message>
        <source>Revenue supported</source>
        <translation>Desteklenen gelir</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Maliyet</translation>
    </message>
    <message>
        <source>Automation potential</source>
        <translation>Otomasyon potansiyeli</translation>
    </message>
    <message>
        <source>No unit has both a cost and an automation potential.</source>
        <translation>Hem maliyeti hem otomasyon potansiyeli olan birim yok.</translation>
    </message>
    <message>
        <source>Savings potential (cost × automation potential)</source>
        <translation>Tasarruf potansiyeli (maliyet × otomasyon potansiyeli)</translation>
    </message>
    <message>
        <source>Ease of implementation</source>
        <translation>Uygulama kolaylığı</translation>
    </message>
</context>
<context>
    <name>ProgramMixin</name>
    <message>
        <source>Restart Now</source>
        <translation>Şimdi Yeniden Başlat</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Sonra</translation>
    </message>
    <message>
        <source>OrgModel could not start again; please start it yourself.</source>
        <translation>OrgModel yeniden başlatılamadı; lütfen kendiniz başlatın.</translation>
    </message>
    <message>
        <source>About OrgModel</source>
        <translation>OrgModel Hakkında</translation>
    </message>
    <message>
        <source>&lt;b&gt;OrgModel %1&lt;/b&gt;&lt;p&gt;Model your organisation: front, middle and back office, reporting lines and dependencies, and see which back-office functions support each revenue-generating unit.&lt;/p&gt;</source>
        <translation>&lt;b&gt;OrgModel %1&lt;/b&gt;&lt;p&gt;Kuruluşunuzu modelleyin: ön, orta ve arka ofis, raporlama hatları ve bağımlılıklar; hangi arka ofis işlevlerinin her gelir getiren birimi desteklediğini görün.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>PropertiesDock</name>
    <message>
        <source>Properties</source>
        <translation>Özellikler</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Belirtilmedi</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Ad</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Kimlik</translation>
    </message>
    <message>
        <source>How files and the command line name this unit (orgmodel why FILE FROM_ID TO_ID)</source>
        <translation>Dosyaların ve komut satırının bu birimi andığı ad (orgmodel why FILE FROM_ID TO_ID)</translation>
    </message>
    <message>
        <source>— not classified —</source>
        <translation>— sınıflandırılmadı —</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Ofis</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Evet</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Hayır</translation>
    </message>
    <message>
        <source>Revenue-generating</source>
        <translation>Gelir getiren</translation>
    </message>
    <message>
        <source>Type to search…</source>
        <translation>Aramak için yazın…</translation>
    </message>
    <message>
        <source>Reports to</source>
        <translation>Raporladığı birim</translation>
    </message>
    <message>
        <source>Headcount</source>
        <translation>Çalışan sayısı</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Maliyet</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Gelir</translation>
    </message>
    <message>
        <source>Automation potential</source>
        <translation>Otomasyon potansiyeli</translation>
    </message>
    <message>
        <source>Ease of automation</source>
        <translation>Otomasyon kolaylığı</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiketler</translation>
    </message>
    <message>
        <source>Comma-separated</source>
        <translation>Virgülle ayrılmış</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notlar</translation>
    </message>
    <message>
        <source>Choose the card colour</source>
        <translation>Kart rengini seçin</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Temizle</translation>
    </message>
    <message>
        <source>Use the office colour</source>
        <translation>Ofis rengini kullan</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Renk</translation>
    </message>
    <message>
        <source>From → To</source>
        <translation>Kaynak → Hedef</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Ağırlık</translation>
    </message>
    <message>
        <source>1 (default)</source>
        <translation>1 (varsayılan)</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Etiket</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Yok</translation>
    </message>
    <message>
        <source>Group (alternatives)</source>
        <translation>Alternatif grubu</translation>
    </message>
    <message>
        <source>None — required</source>
        <translation>Yok — gerekli</translation>
    </message>
    <message>
        <source>Dependencies of one unit that share a group are alternatives: it needs at least one of them</source>
        <translation>Bir birimin aynı grubu paylaşan bağımlılıkları alternatiftir: en az biri gerekir</translation>
    </message>
    <message>
        <source>Select a unit or a dependency to see its properties</source>
        <translation>Özelliklerini görmek için bir birim ya da bağımlılık seçin</translation>
    </message>
    <message numerus="yes">
        <source>%Ln units selected</source>
        <translation>
            <numerusform>%Ln birim seçili</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln dependencies selected</source>
        <translation>
            <numerusform>%Ln bağımlılık seçili</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln items selected</source>
        <translation>
            <numerusform>%Ln öğe seçili</numerusform>
        </translation>
    </message>
    <message>
        <source>Office colour</source>
        <translation>Ofis rengi</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Cost must be a number ≥ 0</source>
        <translation>Maliyet ≥ 0 bir sayı olmalı</translation>
    </message>
    <message>
        <source>Revenue must be a number ≥ 0</source>
        <translation>Gelir ≥ 0 bir sayı olmalı</translation>
    </message>
    <message>
        <source>No unit is called “%1”</source>
        <translation>“%1” adında bir birim yok</translation>
    </message>
    <message>
        <source>Card colour</source>
        <translation>Kart rengi</translation>
    </message>
    <message>
        <source>Headcount must be a whole number ≥ 0</source>
        <translation>Çalışan sayısı ≥ 0 bir tam sayı olmalı</translation>
    </message>
    <message>
        <source>Automation potential must be between 0 and 100 %</source>
        <translation>Otomasyon potansiyeli yüzde 0 ile yüzde 100 arasında olmalı</translation>
    </message>
    <message>
        <source>Weight must be a number &gt; 0</source>
        <translation>Ağırlık &gt; 0 bir sayı olmalı</translation>
    </message>
    <message>
        <source>Ease of automation must be between 0 and 100 %</source>
        <translation>Otomasyon kolaylığı yüzde 0 ile yüzde 100 arasında olmalı</translation>
    </message>
    <message>
        <source>Default: Yes (front office)</source>
        <translation>Varsayılan: Evet (ön ofis)</translation>
    </message>
    <message>
        <source>Default: No (middle office)</source>
        <translation>Varsayılan: Hayır (orta ofis)</translation>
    </message>
    <message>
        <source>Default: No (not classified)</source>
        <translation>Varsayılan: Hayır (sınıflandırılmadı)</translation>
    </message>
    <message>
        <source>Default: No (back office)</source>
        <translation>Varsayılan: Hayır (arka ofis)</translation>
    </message>
    <message>
        <source>— no one —</source>
        <translation>— hiç kimse —</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Recover unsaved work</source>
        <translation>Kaydedilmemiş çalışmayı kurtar</translation>
    </message>
    <message>
        <source>OrgModel stopped before this work was saved. Restore opens each checked document in a window of its own; no file is changed until you save.</source>
        <translation>OrgModel bu çalışma kaydedilmeden önce durdu. Geri Yükle, işaretli her belgeyi kendi penceresinde açar; siz kaydedene kadar hiçbir dosya değişmez.</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Belge</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Dosya</translation>
    </message>
    <message>
        <source>Autosaved</source>
        <translation>Otomatik kaydedildi</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Birimler</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Adsız</translation>
    </message>
    <message>
        <source>never saved</source>
        <translation>hiç kaydedilmedi</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Geri Yükle</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>At</translation>
    </message>
    <message>
        <source>Decide Later</source>
        <translation>Sonra Karar Ver</translation>
    </message>
</context>
<context>
    <name>RoutingStatus</name>
    <message>
        <source>Routing the dependency lines…</source>
        <translation>Bağımlılık çizgileri yerleştiriliyor…</translation>
    </message>
</context>
<context>
    <name>SafetyMixin</name>
    <message>
        <source>File already open</source>
        <translation>Dosya zaten açık</translation>
    </message>
    <message>
        <source>“%1” is open in another OrgModel (%2).</source>
        <translation>“%1” başka bir OrgModel penceresinde açık (%2).</translation>
    </message>
    <message>
        <source>Open Read-Only</source>
        <translation>Salt Okunur Aç</translation>
    </message>
    <message>
        <source>Open Anyway</source>
        <translation>Yine de Aç</translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation>Otomatik kayıt başarısız: %1</translation>
    </message>
    <message>
        <source>Cannot restore</source>
        <translation>Geri yüklenemiyor</translation>
    </message>
    <message>
        <source>File changed on disk</source>
        <translation>Dosya diskte değişti</translation>
    </message>
    <message>
        <source>“%1” was changed by another program since you opened or saved it.</source>
        <translation>“%1”, siz açtığınızdan ya da kaydettiğinizden beri başka bir program tarafından değiştirildi.</translation>
    </message>
    <message>
        <source>Overwrite it with your version, save yours under another name, or reload it from disk (your unsaved changes are lost)?</source>
        <translation>Dosyanın üzerine sizin sürümünüz mü yazılsın, sizinki başka bir adla mı kaydedilsin, yoksa diskten yeniden mi yüklensin (kaydedilmemiş değişiklikleriniz kaybolur)?</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>Üzerine Yaz</translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation>Farklı Kaydet…</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Yeniden Yükle</translation>
    </message>
    <message>
        <source>“%1” was changed by another program; saving will ask before overwriting it.</source>
        <translation>“%1” başka bir program tarafından değiştirildi; kaydederken üzerine yazmadan önce sorulacak.</translation>
    </message>
</context>
<context>
    <name>SceneLines</name>
    <message>
        <source>OR: %1</source>
        <translation>VEYA: %1</translation>
    </message>
</context>
<context>
    <name>SheetDialog</name>
    <message numerus="yes">
        <source>%1 has %Ln sheets. Which one holds the units?</source>
        <translation>
            <numerusform>%1 dosyasında %Ln sayfa var. Birimler hangisinde?</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (hidden)</source>
        <translation>%1 (gizli)</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>Sayfa:</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>{Esc}</source>
        <translation>{Esc}</translation>
    </message>
    <message>
        <source>Cancel the line being drawn, or clear the selection</source>
        <translation>Çizilen çizgiyi iptal et ya da seçimi temizle</translation>
    </message>
    <message>
        <source>Arrow keys</source>
        <translation>Ok tuşları</translation>
    </message>
    <message>
        <source>Move the selected units by 10 px</source>
        <translation>Seçili birimleri 10 piksel kaydır</translation>
    </message>
    <message>
        <source>{Shift}+Arrow keys</source>
        <translation>{Shift}+Ok tuşları</translation>
    </message>
    <message>
        <source>Move the selected units by 1 px</source>
        <translation>Seçili birimleri 1 piksel kaydır</translation>
    </message>
    <message>
        <source>{Enter} while naming</source>
        <translation>Adlandırırken {Enter}</translation>
    </message>
    <message>
        <source>Keep the new name</source>
        <translation>Yeni adı koru</translation>
    </message>
    <message>
        <source>{Esc} while naming</source>
        <translation>Adlandırırken {Esc}</translation>
    </message>
    <message>
        <source>Keep the old name (a unit just added is taken back)</source>
        <translation>Eski adı koru (yeni eklenen birim geri alınır)</translation>
    </message>
    <message>
        <source>Double-click a unit</source>
        <translation>Birime çift tıklama</translation>
    </message>
    <message>
        <source>Rename it</source>
        <translation>Yeniden adlandır</translation>
    </message>
    <message>
        <source>Double-click the empty canvas</source>
        <translation>Boş tuvale çift tıklama</translation>
    </message>
    <message>
        <source>Add a unit there, of the office of the band under the mouse</source>
        <translation>Oraya, farenin altındaki bandın ofisinden bir birim ekle</translation>
    </message>
    <message>
        <source>{Alt}+drag from a unit, or drag its right-hand handle</source>
        <translation>Birimden {Alt}+sürükleme ya da sağ tutamacını sürükleme</translation>
    </message>
    <message>
        <source>Draw a dependency: it depends on the unit you let go over</source>
        <translation>Bağımlılık çiz: bıraktığınız birime bağımlı olur</translation>
    </message>
    <message>
        <source>{Shift}+{Alt}+drag from a unit, or drag its top handle</source>
        <translation>Birimden {Shift}+{Alt}+sürükleme ya da üst tutamacını sürükleme</translation>
    </message>
    <message>
        <source>Draw a reporting line: it reports to the unit you let go over</source>
        <translation>Raporlama çizgisi çiz: bıraktığınız birime raporlar</translation>
    </message>
    <message>
        <source>{Ctrl}+click, {Shift}+click</source>
        <translation>{Ctrl}+tıklama, {Shift}+tıklama</translation>
    </message>
    <message>
        <source>Add to the selection, or take out of it</source>
        <translation>Seçime ekle ya da seçimden çıkar</translation>
    </message>
    <message>
        <source>Drag on the empty canvas</source>
        <translation>Boş tuvalde sürükleme</translation>
    </message>
    <message>
        <source>Select the units in the rectangle</source>
        <translation>Dikdörtgendeki birimleri seç</translation>
    </message>
    <message>
        <source>{Space}+drag, middle-button drag</source>
        <translation>{Space}+sürükleme, orta tuşla sürükleme</translation>
    </message>
    <message>
        <source>Move the view</source>
        <translation>Görünümü kaydır</translation>
    </message>
    <message>
        <source>{Ctrl}+wheel</source>
        <translation>{Ctrl}+tekerlek</translation>
    </message>
    <message>
        <source>Zoom in or out around the mouse</source>
        <translation>Farenin çevresinde yakınlaştır ya da uzaklaştır</translation>
    </message>
    <message>
        <source>Right-click</source>
        <translation>Sağ tıklama</translation>
    </message>
    <message>
        <source>The menu of what is under the mouse</source>
        <translation>Farenin altındakinin menüsü</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Klavye Kısayolları</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menü</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Komut</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tuşlar</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>Ne yapar</translation>
    </message>
    <message>
        <source>Commands</source>
        <translation>Komutlar</translation>
    </message>
    <message>
        <source>On the canvas</source>
        <translation>Tuvalde</translation>
    </message>
</context>
<context>
    <name>SimulationBanner</name>
    <message>
        <source>On the canvas: dark red, hatched = failed; red = down with them; highlighted lines = why a revenue unit is down; grey = not affected. Nothing in the model changes.</source>
        <translation>Tuvalde: koyu kırmızı, taralı = devre dışı; kırmızı = onlarla birlikte duran; vurgulu çizgiler = bir gelir biriminin neden durduğu; gri = etkilenmeyen. Modelde hiçbir şey değişmez.</translation>
    </message>
    <message>
        <source>End Simulation</source>
        <translation>Simülasyonu bitir</translation>
    </message>
    <message>
        <source>Back to editing (Esc); the model was not changed</source>
        <translation>Düzenlemeye dön (Esc); model değiştirilmedi</translation>
    </message>
    <message numerus="yes">
        <source>Simulation: %Ln unit(s) failed</source>
        <translation>
            <numerusform>Senaryo: %Ln birim devre dışı</numerusform>
        </translation>
    </message>
    <message>
        <source>revenue at risk %1</source>
        <translation>risk altındaki gelir %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln revenue unit(s) down</source>
        <translation>
            <numerusform>%Ln gelir birimi durdu</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln saved by an alternative</source>
        <translation>
            <numerusform>%Ln birim alternatif sayesinde ayakta</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SpofTable</name>
    <message>
        <source>Unit</source>
        <translation>Birim</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Ofis</translation>
    </message>
    <message>
        <source>Revenue at risk</source>
        <translation>Risk altındaki gelir</translation>
    </message>
    <message>
        <source>Revenue units</source>
        <translation>Gelir birimleri</translation>
    </message>
</context>
<context>
    <name>TableExport</name>
    <message>
        <source>Totals</source>
        <translation>Toplamlar</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Toplam</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Tutar</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Yöntem</translation>
    </message>
    <message>
        <source>Service cost</source>
        <translation>Hizmet maliyeti</translation>
    </message>
    <message>
        <source>Allocated</source>
        <translation>Dağıtılan</translation>
    </message>
    <message>
        <source>Unallocated</source>
        <translation>Dağıtılamayan</translation>
    </message>
    <message>
        <source>Service unit</source>
        <translation>Hizmet birimi</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Ofis</translation>
    </message>
    <message>
        <source>Own cost</source>
        <translation>Kendi maliyeti</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Neden</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV spreadsheet (*.csv)</source>
        <translation>Excel çalışma kitabı (*.xlsx);;CSV tablosu (*.csv)</translation>
    </message>
    <message>
        <source>Export Table</source>
        <translation>Tabloyu Dışa Aktar</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>Dışa aktarılamıyor</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 dışa aktarıldı</translation>
    </message>
    <message>
        <source>Export Table…</source>
        <translation>Tabloyu Dışa Aktar…</translation>
    </message>
    <message>
        <source>Save this table as shown (sorted and filtered) as an Excel workbook or a CSV file</source>
        <translation>Bu tabloyu görüntülendiği gibi (sıralanmış ve süzülmüş) Excel çalışma kitabı ya da CSV dosyası olarak kaydet</translation>
    </message>
</context>
<context>
    <name>TransferMixin</name>
    <message>
        <source>diagram</source>
        <translation>diyagram</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf);;CSV spreadsheet (*.csv);;Excel workbook (*.xlsx);;GraphML for yEd and Gephi (*.graphml);;draw.io diagram (*.drawio)</source>
        <translation>PNG görüntüsü (*.png);;SVG çizimi (*.svg);;PDF belgesi (*.pdf);;CSV tablosu (*.csv);;Excel çalışma kitabı (*.xlsx);;yEd ve Gephi için GraphML (*.graphml);;draw.io diyagramı (*.drawio)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Dışa Aktar</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>Dışa aktarılamıyor</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 dışa aktarıldı</translation>
    </message>
    <message>
        <source>Everything OrgModel reads (*.csv *.tsv *.txt *.xlsx *.graphml *.drawio *.xml *.archimate *.orgmodel *.json);;Spreadsheets (*.csv *.tsv *.txt *.xlsx);;GraphML (*.graphml);;draw.io (*.drawio *.xml);;ArchiMate (*.archimate *.xml);;OrgModel (*.orgmodel *.json)</source>
        <translation>OrgModel&apos;in okuduğu her şey (*.csv *.tsv *.txt *.xlsx *.graphml *.drawio *.xml *.archimate *.orgmodel *.json);;Tablolar (*.csv *.tsv *.txt *.xlsx);;GraphML (*.graphml);;draw.io (*.drawio *.xml);;ArchiMate (*.archimate *.xml);;OrgModel (*.orgmodel *.json)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>İçe Aktar</translation>
    </message>
    <message>
        <source>Cannot import</source>
        <translation>İçe aktarılamıyor</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>%1 içe aktarılıyor…</translation>
    </message>
    <message>
        <source>Import cancelled; nothing changed</source>
        <translation>İçe aktarma iptal edildi; hiçbir şey değişmedi</translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>%1 içe aktar</translation>
    </message>
    <message>
        <source>Writing the image…</source>
        <translation>Görüntü yazılıyor…</translation>
    </message>
    <message>
        <source>Export cancelled; nothing written</source>
        <translation>Dışa aktarma iptal edildi; hiçbir şey yazılmadı</translation>
    </message>
</context>
<context>
    <name>UnitCard</name>
    <message numerus="yes">
        <source>%Ln people</source>
        <translation>
            <numerusform>%Ln kişi</numerusform>
        </translation>
    </message>
    <message>
        <source>revenue %1</source>
        <translation>gelir %1</translation>
    </message>
    <message>
        <source>★ Revenue-generating</source>
        <translation>★ Gelir getiren</translation>
    </message>
    <message>
        <source>Drag to another unit: “%1” depends on it</source>
        <translation>Başka bir birime sürükleyin: “%1” ona bağımlı olur</translation>
    </message>
    <message>
        <source>Drag to another unit: “%1” reports to it</source>
        <translation>Başka bir birime sürükleyin: “%1” ona raporlar</translation>
    </message>
    <message>
        <source>bn</source>
        <extracomment>Translators: short for billion after an amount on a card (&quot;1.2 bn&quot;).</extracomment>
        <translation>Mr</translation>
    </message>
    <message>
        <source>M</source>
        <extracomment>Translators: short for million after an amount on a card (&quot;46.5 M&quot;).</extracomment>
        <translation>Mn</translation>
    </message>
    <message>
        <source>k</source>
        <extracomment>Translators: short for thousand after an amount on a card (&quot;850 k&quot;).</extracomment>
        <translation>B</translation>
    </message>
</context>
<context>
    <name>UnitChooser</name>
    <message>
        <source>Type to filter by name or id…</source>
        <translation>Ad ya da kimliğe göre süzmek için yazın…</translation>
    </message>
    <message>
        <source>Reports To</source>
        <translation>Raporladığı Birim</translation>
    </message>
    <message>
        <source>“%1” reports to:</source>
        <translation>“%1” kime raporlar:</translation>
    </message>
    <message>
        <source>No one</source>
        <translation>Hiç kimse</translation>
    </message>
</context>
<context>
    <name>UpliftBreakdown</name>
    <message>
        <source>Revenue unit</source>
        <translation>Gelir birimi</translation>
    </message>
    <message>
        <source>Margin uplift</source>
        <translation>Marj artışı</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>Marj</translation>
    </message>
    <message>
        <source>Margin after</source>
        <translation>Otomasyon sonrası marj</translation>
    </message>
    <message>
        <source>The savings land where the unit&apos;s cost lands (reciprocal allocation)</source>
        <translation>Tasarruf, birimin maliyetinin gittiği yere gider (karşılıklı dağıtım)</translation>
    </message>
    <message>
        <source>Select a unit to see what automating it would add to each revenue unit&apos;s margin.</source>
        <translation>Otomasyonunun her gelir biriminin marjına ne katacağını görmek için bir birim seçin.</translation>
    </message>
    <message>
        <source>“%1” lacks a cost or an automation potential: no savings to show.</source>
        <translation>“%1” biriminin maliyeti ya da otomasyon potansiyeli yok: gösterilecek tasarruf yok.</translation>
    </message>
    <message>
        <source>The margin uplift could not be computed.</source>
        <translation>Marj artışı hesaplanamadı.</translation>
    </message>
    <message>
        <source>Margin uplift if “%1” were automated at its potential</source>
        <translation>“%1” potansiyeli ölçüsünde otomatikleştirilirse marj artışı</translation>
    </message>
    <message>
        <source>Savings potential %1 · to revenue units %2 · unallocated %3</source>
        <translation>Tasarruf potansiyeli %1 · gelir birimlerine %2 · dağıtılamayan %3</translation>
    </message>
</context>
<context>
    <name>WhatIfView</name>
    <message>
        <source>Revenue unit down</source>
        <translation>Duran gelir birimi</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Gelir</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>Zincir</translation>
    </message>
    <message>
        <source>Single points of failure: the revenue at risk if this unit alone failed (alternatives counted)</source>
        <translation>Tek hata noktaları: yalnızca bu birim devre dışı kalsa risk altına girecek gelir (alternatifler hesaba katılır)</translation>
    </message>
    <message>
        <source>No simulation: right-click a unit › Simulate Failure (or Analysis › Simulate Failure of Selection).</source>
        <translation>Senaryo yok: bir birime sağ tıklayın › Arızayı simüle et (ya da Analiz › Seçimin arızasını simüle et).</translation>
    </message>
    <message>
        <source>Failed: %1 — revenue at risk %2</source>
        <translation>Devre dışı: %1 — risk altındaki gelir %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>yok</translation>
    </message>
    <message>
        <source>Saved by an alternative: %1</source>
        <translation>Alternatif sayesinde ayakta: %1</translation>
    </message>
</context>
</TS>
