#!/usr/bin/env python3
"""Writes the Word documents the WordDocument tests read. Run from anywhere; the outputs are
committed, so the tests need neither Python nor LibreOffice to read them.

- table3-libreoffice.docx: a short report with a table 三 fragment (colspan, rowspan, blank
  cells, a <br> in a cell), written by LibreOffice from table3.html
  (`soffice --headless --convert-to docx`), as a real office suite writes a .docx;
- tracked-changes.docx: a hand-written document.xml with what Word writes and LibreOffice does
  not: tracked insertions and deletions (修订), gridSpan, vMerge, a self-closing blank-cell
  paragraph, a number split over two runs, fields, hidden text, text boxes, nested tables, a
  deleted row and a deleted paragraph mark; zipped here with a data descriptor, extra fields and
  an archive comment, so the zip writer is tested on them too;
- opendocument.odt: a zip that says it is OpenDocument text.
"""
import pathlib
import shutil
import subprocess
import tempfile
import zipfile

here = pathlib.Path(__file__).resolve().parent

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCUMENT = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:w="{W}" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14"><w:body>
<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>某某市司法局2023年政府信息公开工作年度报告</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">一、总体情况</w:t></w:r></w:p>
<w:p><w:r><w:t>本机关共收到申请</w:t></w:r><w:del w:id="1" w:author="A"><w:r><w:delText>15</w:delText></w:r></w:del><w:ins w:id="2" w:author="A"><w:r><w:t>12</w:t></w:r></w:ins><w:r><w:t>件</w:t></w:r><w:moveFrom w:id="3" w:author="A"><w:r><w:t>（移走）</w:t></w:r></w:moveFrom><w:r><w:t>，答复</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>1</w:t></w:r><w:proofErr w:type="gramStart"/><w:r><w:rPr><w:b/></w:rPr><w:t>1</w:t></w:r><w:r><w:t>件&amp;&#x4E09;&lt;。</w:t></w:r></w:p>
<w:p><w:r><w:t>标题</w:t></w:r><w:r><w:tab/><w:t>正文</w:t></w:r><w:r><w:br/><w:t>第二行</w:t><w:noBreakHyphen/><w:t>续</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:hyperlink r:id="rId9" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:r><w:t>链接</w:t></w:r></w:hyperlink><w:smartTag w:uri="x" w:element="y"><w:r><w:t>标记</w:t></w:r></w:smartTag><w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>9</w:t></w:r></w:fldSimple></w:p>
<w:sdt><w:sdtPr><w:alias w:val="控件"/><w:text/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>三、收到和处理政府信息公开申请情况</w:t></w:r></w:p></w:sdtContent></w:sdt>
<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>
<w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>（本列数据的勾稽关系）</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:gridSpan w:val="3"/></w:tcPr><w:p><w:r><w:t>申请人情况</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>自然人</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>法人或其他组织</w:t></w:r></w:p><w:p><w:r><w:t>商业企业</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Total</w:t></w:r></w:p><w:p><w:r><w:t>总计</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>一、本年新收政府信息公开申请数量</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:rPr><w:rFonts w:ascii="Times New Roman"/><w:sz w:val="21"/></w:rPr><w:t>2</w:t></w:r><w:r><w:rPr><w:rFonts w:ascii="Times New Roman"/><w:sz w:val="21"/></w:rPr><w:t>58</w:t></w:r></w:p></w:tc><w:tc><w:p w14:paraId="1A2B3C4D" w14:textId="77777777" w:rsidR="00AB12CD"/></w:tc><w:tc><w:p><w:pPr><w:jc w:val="center"/><w:rPr><w:ins w:id="7" w:author="A"/><w:rFonts w:ascii="Arial"/><w:sz w:val="18"/></w:rPr></w:pPr></w:p></w:tc></w:tr>
<w:tr><w:trPr><w:del w:id="4" w:author="A"/></w:trPr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>删除的行</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc><w:p><w:r><w:t>（一）予以公开</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t xml:space="preserve"> </w:t></w:r></w:p></w:tc><w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>内</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>表</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/></w:tc><w:tc><w:p><w:r><w:t>3</w:t></w:r></w:p></w:tc></w:tr>
</w:tbl>
<w:p><w:pPr><w:rPr><w:del w:id="5" w:author="A"/></w:rPr></w:pPr><w:r><w:t>四、行政复议</w:t></w:r></w:p>
<w:p><w:r><w:t>情况</w:t></w:r></w:p>
<w:p/>
<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>"""

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"""

RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"""


class Unseekable:
    """A file zipfile cannot seek back in, so it writes data descriptors after the entries."""

    def __init__(self, file):
        self.file = file
        self.position = 0

    def write(self, data):
        self.position += len(data)
        return self.file.write(data)

    def tell(self):
        return self.position

    def flush(self):
        self.file.flush()


def tracked_changes():
    path = here / "tracked-changes.docx"
    with open(path, "wb") as file:
        with zipfile.ZipFile(Unseekable(file), "w", zipfile.ZIP_DEFLATED) as archive:
            archive.comment = "年度报告 archive comment".encode()
            archive.writestr("[Content_Types].xml", CONTENT_TYPES)
            archive.writestr("_rels/.rels", RELS)
            info = zipfile.ZipInfo("word/document.xml", date_time=(2024, 1, 15, 9, 30, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.extra = b"\xca\xfe\x04\x00test"
            info.comment = b"the main part"
            archive.writestr(info, DOCUMENT)
            stored = zipfile.ZipInfo("docProps/stored.txt", date_time=(2023, 12, 31, 23, 59, 58))
            stored.compress_type = zipfile.ZIP_STORED
            archive.writestr(stored, "stored, not deflated")
    zipfile.ZipFile(path).testzip()
    print(path.name, path.stat().st_size)


def opendocument():
    """A zip that says it is OpenDocument text (its first entry, stored: `mimetype`)."""
    path = here / "opendocument.odt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    print(path.name, path.stat().st_size)


def libreoffice():
    soffice = shutil.which("soffice")
    if soffice is None:
        print("soffice not found: table3-libreoffice.docx left as it is")
        return
    with tempfile.TemporaryDirectory() as work:
        subprocess.run(
            [soffice, "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir", work, str(here / "table3.html")],
            check=True,
            capture_output=True,
        )
        shutil.copy(pathlib.Path(work) / "table3.docx", here / "table3-libreoffice.docx")
    print("table3-libreoffice.docx", (here / "table3-libreoffice.docx").stat().st_size)


tracked_changes()
opendocument()
libreoffice()
