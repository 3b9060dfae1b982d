#!/usr/bin/env python3
"""Writes the fixture reports of nianbao's tests.

The reports are invented (agency, people and numbers); they use the labels of the national
format. `clean-*` files have no finding at all; every other file carries the mistake its name
says. Run `python3 Tests/Fixtures/generate.py` after changing it, and commit the files.
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))

T3_LABELS = [
    ("一、本年新收政府信息公开申请数量", None),
    ("二、上年结转政府信息公开申请数量", None),
    ("三、本年度办理结果", "(一) 予以公开"),
    (None, "(二) 部分公开 (区分处理的, 只计这一情形, 不计其他情形)"),
    ("(三) 不予公开", "1. 属于国家秘密"),
    (None, "2. 其他法律行政法规禁止公开"),
    (None, "3. 危及“三安全一稳定”"),
    (None, "4. 保护第三方合法权益"),
    (None, "5. 属于三类内部事务信息"),
    (None, "6. 属于四类过程性信息"),
    (None, "7. 属于行政执法案卷"),
    (None, "8. 属于行政查询事项"),
    ("(四) 无法提供", "1. 本机关不掌握相关政府信息"),
    (None, "2. 没有现成信息需要另行制作"),
    (None, "3. 补正后申请内容仍不明确"),
    ("(五) 不予处理", "1. 信访举报投诉类申请"),
    (None, "2. 重复申请"),
    (None, "3. 要求提供公开出版物"),
    (None, "4. 无正当理由大量反复申请"),
    (None, "5. 要求行政机关确认或重新出具已获取信息"),
    ("(六) 其他处理", "1. 申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    (None, "2. 申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    (None, "3. 其他"),
    ("(七) 总计", None),
    ("四、结转下年度继续办理", None),
]

ZERO = [0] * 7
T3_VALUES = {
    0: [9, 2, 0, 0, 1, 0, 12],
    1: [1, 0, 0, 0, 0, 0, 1],
    2: [5, 1, 0, 0, 0, 0, 6],
    3: [1, 0, 0, 0, 0, 0, 1],
    12: [2, 0, 0, 0, 1, 0, 3],
    16: [1, 0, 0, 0, 0, 0, 1],
    23: [9, 1, 0, 0, 1, 0, 11],
    24: [1, 1, 0, 0, 0, 0, 2],
}
T4 = [1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]

HEAD = """{agency}{year}年政府信息公开工作年度报告

本报告依据《中华人民共和国政府信息公开条例》编制。全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。

一、总体情况
{year}年，白石镇人民政府认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，扎实推进政府信息公开工作。
(一) 主动公开
全年通过镇政府网站、政务公开栏和政务新媒体主动公开政府信息 214 条，其中政策文件 11 条、财政预决算信息 6 条、重点项目进展 19 条。
(二) 依申请公开
全年共收到政府信息公开申请 12 件，上年结转 1 件，办结 11 件，结转下年度 2 件，均在法定期限内答复。
(三) 政府信息管理
落实公文公开属性源头认定和信息发布“三审”制度，截至{year}年12月31日，清理失效文件 3 件。
(四) 政府信息公开平台建设
优化镇政府网站政务公开专栏，更新办事指南 28 项，政务新媒体全年发布信息 305 条。
(五) 监督保障
把政务公开纳入年度绩效考核，开展社会评议 1 次，全年未发生责任追究事件。

二、主动公开政府信息情况
"""

TAIL = """五、存在的主要问题及改进情况
（一）存在问题
一是政策解读形式较为单一；二是个别站所信息报送不及时。
（二）改进情况
{next}年，白石镇将丰富图解、短视频等解读形式，建立信息报送月度通报制度，压实各站所公开责任。

六、其他需要报告的事项
本年度未发出收费通知，未收取政府信息公开信息处理费。
"""


# The year before, in the agency's own words of that year (the tables' labels and the fixed
# sentences are the format's, the same every year).
LAST_YEAR_HEAD = HEAD.split("一、总体情况")[0] + """一、总体情况
{year}年，白石镇围绕法治政府建设要求，把政府信息公开作为便民服务的重要抓手，公开工作总体平稳。
(一) 主动公开
依托镇政府门户网站和村务公开栏发布惠农补贴、征地拆迁、民生工程等信息 187 条，其中规范性文件 3 件。
(二) 依申请公开
全年共收到政府信息公开申请 11 件，上年结转 1 件，办结 11 件，结转下年度 1 件，没有因答复引发的复议和诉讼以外的投诉。
(三) 政府信息管理
开展现行有效文件梳理，建立文件台账，明确专人负责信息发布前的保密审查。
(四) 政府信息公开平台建设
完成镇政府网站栏目改版，新增“村级财务”专栏，上线政务服务事项清单 26 项。
(五) 监督保障
镇党委会议两次专题研究政务公开，开展社会评议 1 次，全年未发生责任追究事件。

二、主动公开政府信息情况
"""

LAST_YEAR_TAIL = """五、存在的主要问题及改进情况
（一）存在问题
村级公开栏更新频率不高，部分群众反映查阅不便，依申请公开的答复文书格式尚不统一。
（二）改进情况
{next}年，白石镇将推动村级公开栏按月更新，统一答复文书范本，并组织站所人员参加业务培训。

六、其他需要报告的事项
本年度未发出收费通知，未收取政府信息公开信息处理费。
"""


def last_year_report(t2=None, t3=None, tail=None):
    """白石镇's report for 2024: its tables carry on into the 2025 base report."""
    return report(year=2024, head=LAST_YEAR_HEAD, tail=tail or LAST_YEAR_TAIL,
                  t2=t2 or table2_tabs({"行政规范性文件": [3, 0, 14]}),
                  t3=t3 or table3_tabs({0: [9, 1, 0, 0, 1, 0, 11], 24: [1, 0, 0, 0, 0, 0, 1]}))


def table2_tabs(rows=None):
    rows = rows or {}
    r = {"规章": [0, 0, 0], "行政规范性文件": [2, 1, 15], "行政许可": [37], "行政处罚": [12], "行政强制": [0], "行政事业性收费": ["3.56"]}
    r.update(rows)
    out = []
    out.append("第二十条第（一）项\t\t\t")
    out.append("信息内容\t本年制发件数\t本年废止件数\t现行有效件数")
    for name in ["规章", "行政规范性文件"]:
        out.append(name + "".join("\t" + str(v) for v in r[name]))
    out.append("第二十条第（五）项\t\t\t")
    out.append("信息内容\t本年处理决定数量\t\t")
    out.append("行政许可\t" + "\t".join(map(str, r["行政许可"])) + "\t\t")
    out.append("第二十条第（六）项\t\t\t")
    out.append("信息内容\t本年处理决定数量\t\t")
    for name in ["行政处罚", "行政强制"]:
        out.append(name + "\t" + "\t".join(map(str, r[name])) + "\t\t")
    out.append("第二十条第（八）项\t\t\t")
    out.append("信息内容\t本年收费金额（单位：万元）\t\t")
    out.append("行政事业性收费\t" + "\t".join(map(str, r["行政事业性收费"])) + "\t\t")
    return "\n".join(out) + "\n"


def t3_values(overrides=None):
    values = {i: list(T3_VALUES.get(i, ZERO)) for i in range(len(T3_LABELS))}
    for k, v in (overrides or {}).items():
        values[k] = v
    return values


def table3_tabs(overrides=None, labels=None):
    """Tab layout as Word pastes it: merged cells as empty fields, drifting leading tabs."""
    values = t3_values(overrides)
    labels = labels or T3_LABELS
    out = ["三、收到和处理政府信息公开申请情况",
           "(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)\t\t申请人情况\t\t\t\t\t\t总计\t",
           "\t\t自然人\t法人或其他组织\t\t\t\t\t\t",
           "\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t\t"]
    for i, (first, second) in enumerate(labels):
        cells = "\t".join(str(v) for v in values[i])
        if second is None:
            out.append(f"{first}\t\t{cells}\t")
        elif first is not None and first.startswith("三、"):
            out.append(f"{first}\t{second}\t{cells}\t")
        elif first is not None:
            out.append(f"\t{first}\t{second}\t{cells}")
        elif i == 22:
            out.append(f"{second.strip()}\t\t{cells}\t")  # the shifted row real reports have
        elif second.startswith("("):
            out.append(f"\t{second}\t{cells}\t")
        else:
            out.append(f"\t\t{second}\t{cells}")
    return "\n".join(out) + "\n"


def table4_tabs(values=None):
    values = values or T4
    return ("四、政府信息公开行政复议、行政诉讼情况\n"
            "行政复议\t\t\t\t\t行政诉讼\t\t\t\t\t\t\t\t\t\n"
            "结果 维持\t结果 纠正\t其他 结果\t尚未 审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\t\t\t\t\n"
            "\t\t\t\t\t结果 维持\t结果 纠正\t其他 结果\t尚未 审结\t总计\t结果 维持\t结果 纠正\t其他 结果\t尚未 审结\t总计\n"
            + "\t".join(map(str, values)) + "\n")


def report(year=2025, agency="青禾县白石镇人民政府", t2=None, t3=None, t4=None, head=None, tail=None):
    return ((head or HEAD).format(agency=agency, year=year)
            + (t2 if t2 is not None else table2_tabs()) + "\n"
            + (t3 if t3 is not None else table3_tabs()) + "\n"
            + (t4 if t4 is not None else table4_tabs()) + "\n"
            + (tail or TAIL).format(next=year + 1))


def markdown_report():
    values = t3_values()
    lines = ["| 项目 | 项目 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |",
             "|---|---|---|---|---|---|---|---|---|"]
    for i, (first, second) in enumerate(T3_LABELS):
        lines.append(f"| {first or ''} | {second or ''} | " + " | ".join(map(str, values[i])) + " |")
    t3 = "## 三、收到和处理政府信息公开申请情况\n\n" + "\n".join(lines) + "\n"
    t2 = ("| 第二十条第（一）项 | | | |\n|---|---|---|---|\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
          "| 规章 | 0 | 0 | 0 |\n| 行政规范性文件 | 2 | 1 | 15 |\n| 第二十条第（五）项 | | | |\n| 信息内容 | 本年处理决定数量 | | |\n"
          "| 行政许可 | 37 | | |\n| 第二十条第（六）项 | | | |\n| 信息内容 | 本年处理决定数量 | | |\n| 行政处罚 | 12 | | |\n"
          "| 行政强制 | 0 | | |\n| 第二十条第（八）项 | | | |\n| 信息内容 | 本年收费金额（单位：万元） | | |\n| 行政事业性收费 | 3.56 | | |\n")
    t4 = ("## 四、政府信息公开行政复议、行政诉讼情况\n\n| 行政复议 | | | | | 行政诉讼 | | | | | | | | | |\n"
          "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n"
          "| " + " | ".join(map(str, T4)) + " |\n")
    head = HEAD.replace("\n一、总体情况\n", "\n## 一、总体情况\n").replace("\n二、主动公开政府信息情况\n", "\n## 二、主动公开政府信息情况\n\n")
    tail = TAIL.replace("五、存在", "## 五、存在").replace("六、其他", "## 六、其他")
    return "# " + report(year=2024, agency="青禾县水务局", t2=t2, t3=t3, t4=t4, head=head, tail=tail)


def pdf_report():
    """Space-separated, as PDF text extraction gives it: labels wrapped over lines, and one row
    whose numbers come before the rest of its label."""
    values = t3_values()
    v = lambda i: " ".join(map(str, values[i]))
    t3 = f"""三、收到和处理政府信息公开申请情况
（本列数据的勾稽关系为：第一项加第二
项之和，等于第三项加第四项之和）
申请人情况
自然人 法人或其他组织 总计
商业 企业 科研 机构 社会 公益 组织 法律 服务 机构 其他
一、本年新收政府信息公开申请数量 {v(0)}
二、上年结转政府信息公开申请数量 {v(1)}
三、本年度办理结果
（一）予以公开 {v(2)}
（二）部分公开（区分处理的，只计这一情形，不
{v(3)}
计其他情形）
（三）不予公开
1.属于国家秘密 {v(4)}
2.其他法律行政法规禁止公开 {v(5)}
3.危及“三安全一稳定” {v(6)}
4.保护第三方合法权益 {v(7)}
5.属于三类内部事务信息 {v(8)}
6.属于四类过程性信息 {v(9)}
7.属于行政执法案卷 {v(10)}
8.属于行政查询事项 {v(11)}
（四）无法提供
1.本机关不掌握相关政府信息 {v(12)}
2.没有现成信息需要另行制作 {v(13)}
3.补正后申请内容仍不明确 {v(14)}
（五）不予处理
1.信访举报投诉类申请 {v(15)}
2.重复申请 {v(16)}
3.要求提供公开出版物 {v(17)}
4.无正当理由大量反复申请 {v(18)}
5.要求行政机关确认或重 新出具 {v(19)}
已获取信息
（六）其他处理
1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 {v(20)}
2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信
息公开申请 {v(21)}
3.其他 {v(22)}
（七）总计 {v(23)}
四、结转下年度继续办理 {v(24)}
- 5 -
"""
    t2 = """第二十条 第（一）项
信息内容 本年制发件数 本年废止件数 现行有效件数
规章 0 0 0
行政规范性文件 2 1 15
第二十条第（五）项
信息内容 本年处理决定数量
行政许可 37
第二十条第（六）项
信息内容 本年处理决定数量
行政处罚 12
行政强制 0
第二十条第（八）项
信息内容 本年收费金额（单位：万元）
行政事业性收费 3.56
"""
    t4 = ("四、政府信息公开行政复议、行政诉讼情况\n行政复议 行政诉讼\n结 果 维 持 结 果 纠 正 其 他 结 果 尚 未 审 结 总 计\n"
          "未经复议直接起诉 复议后起诉\n" + " ".join(map(str, T4)) + "\n")
    head = HEAD.replace("{agency}{year}年政府信息公开工作年度报告", "{agency} {year} 年政府信息公开工作\n年度报告")
    return report(year=2023, agency="青禾县教育体育局", t2=t2, t3=t3, t4=t4, head=head)


def trial_report():
    """2020 report in the 2019 trial format."""
    t2 = ("第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t0\t0\t0\n规范性文件\t1\t1\t9\n"
          "第二十条第（五）项\n信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n行政许可\t12\t-2\t40\n其他对外管理服务事项\t3\t0\t0\n"
          "第二十条第（六）项\n信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n行政处罚\t20\t1\t8\n行政强制\t2\t0\t0\n"
          "第二十条第（八）项\n信息内容\t上一年项目数量\t本年增/减\n行政事业性收费\t1\t0\n"
          "第二十条第（九）项\n信息内容\t采购项目数量\t采购总金额\n政府集中采购\t4\t12.5\n")
    labels = T3_LABELS[:20] + [("(六) 其他处理", None)] + T3_LABELS[23:]
    values = t3_values()
    trial_values = {i: values[i] for i in range(20)}
    trial_values[20] = ZERO
    trial_values[21] = values[23]
    trial_values[22] = values[24]
    out = ["三、收到和处理政府信息公开申请情况",
           "(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)\t\t申请人情况\t\t\t\t\t\t总计"]
    for i, (first, second) in enumerate(labels):
        cells = "\t".join(map(str, trial_values[i]))
        out.append("\t".join(x for x in (first, second) if x) + "\t" + cells)
    return report(year=2020, agency="青禾县司法局", t2=t2, t3="\n".join(out) + "\n")


def write(name, text, newline="\n", bom=False):
    data = text.replace("\n", newline).encode("utf-8")
    if bom:
        data = b"\xef\xbb\xbf" + data
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def mutate(values_overrides=None, **kwargs):
    return report(t3=table3_tabs(values_overrides), **kwargs)


def main():
    base = report()
    write("clean-2025-tabs.txt", base)
    write("clean-2025-crlf-bom.txt", base.replace("青禾县白石镇", "青禾县白石镇🏔️").replace("（一）存在问题", "（一）存在问题 𠀋"), newline="\r\n", bom=True)
    write("clean-2024-markdown.md", markdown_report())
    write("clean-2023-pdf.txt", pdf_report())
    write("clean-2020-trial.txt", trial_report())
    # PDF hazards: a row's numbers printed before its whole label; a label one character per line.
    write("clean-2023-pdf-hazards.txt", pdf_report()
          .replace("（一）予以公开 5 1 0 0 0 0 6\n", "5 1 0 0 0 0 6\n（一）予以公开\n")
          .replace("三、本年度办理结果\n", "三\n、\n本\n年\n度\n办\n理\n结\n果\n"))

    # Structure
    write("nb100-not-a-report.txt", "会议纪要\n\n本周三下午召开镇政府办公会议，研究部署冬季防火工作。\n")
    write("nb101-missing-section.txt", base.replace(TAIL.format(next=2026).split("六、")[0], ""))
    write("nb102-order.txt", base.replace("六、其他需要报告的事项\n本年度未发出收费通知，未收取政府信息公开信息处理费。\n", "")
          .replace("五、存在的主要问题及改进情况", "六、其他需要报告的事项\n本年度未发出收费通知，未收取政府信息公开信息处理费。\n\n五、存在的主要问题及改进情况"))
    write("nb103-duplicate.txt", base + "\n六、其他需要报告的事项\n无其他需要报告的事项。\n")
    write("nb104-missing-table.txt", report(t4="四、政府信息公开行政复议、行政诉讼情况\n本年度未发生因政府信息公开引起的行政复议、行政诉讼。\n"))
    write("nb105-labels.txt", report(t2=table2_tabs().replace("本年废止件数", "本年度止件数"),
                                     t3=table3_tabs().replace("2. 其他法律行政法规禁止公开", "2. 其他法律行政止公开"))
          .replace("四、政府信息公开行政复议、行政诉讼情况", "四、政府信息公开行政法复议、行政诉讼情况"))
    write("nb106-missing-row.txt", report(t3="\n".join(l for l in table3_tabs().split("\n") if "属于行政查询事项" not in l)))
    write("nb107-lost-column.txt", report(t3=table3_tabs({7: [0, 0, 0, 0, 0, 0]})))
    write("nb107-lost-columns-everywhere.txt", report(
        t3="\n".join(l.rsplit("\t", 2)[0] if l.count("\t") >= 8 else l for l in table3_tabs({i: ZERO for i in range(25)}).split("\n")),
        head=HEAD.replace("全年共收到政府信息公开申请 12 件，上年结转 1 件，办结 11 件，结转下年度 2 件，均在法定期限内答复", "全年未收到政府信息公开申请")))
    write("nb108-invalid-value.txt", report(t3=table3_tabs({16: ["一", 0, 0, 0, 0, 0, 1], 3: [1.5, 0, 0, 0, 0, 0, 1]})))
    write("nb109-no-title.txt", base.split("\n", 2)[2])
    write("nb110-run-together.txt", base.replace("一、本年新收政府信息公开申请数量\t\t9\t2\t0\t0\t1\t0\t12\t", "一、本年新收政府信息公开申请数量110000011"))
    write("nb111-run-together-split.txt", base.replace("一、本年新收政府信息公开申请数量\t\t9\t2\t0\t0\t1\t0\t12\t", "一、本年新收政府信息公开申请数量92001012"))
    write("nb111-run-together-table4.txt", base.replace("\t".join(map(str, T4)), "".join(map(str, T4))))
    write("nb112-outdated.txt", trial_report().replace("2021年", "2023年").replace("2020年", "2022年"))
    write("nb113-misnumbered.txt", base.replace("四、政府信息公开行政复议", "三、政府信息公开行政复议"))
    write("nb115-duplicate-row.txt", base.replace("(七) 总计\t\t9\t1\t0\t0\t1\t0\t11\t\n", "(七) 总计\t\t9\t1\t0\t0\t1\t0\t11\t\n(七) 总计\t\t9\t1\t0\t0\t1\t0\t11\t\n"))
    write("nb117-placeholder.txt", base.replace("二是个别站所信息报送不及时。", "二是【待填写：其他问题】。"))
    write("nb114-blank.txt", report(t3=table3_tabs({13: [0, "-", 0, 0, 0, 0, 0]})))

    # Sums
    write("nb201-row-total.txt", mutate({12: [2, 0, 0, 0, 1, 0, 4]}))
    write("nb202-outcome-total.txt", mutate({23: [9, 1, 0, 0, 1, 0, 12]}))
    write("nb203-carry-identity.txt", mutate({24: [1, 2, 0, 0, 0, 0, 2]}))
    write("nb204-review-total.txt", report(t4=table4_tabs([10, 1, 0, 0, 0, 0, 0, 0, 1, 1, 5, 0, 0, 0, 0])))
    write("nb205-contradicted-value.txt", mutate({16: [1, 0, 0, 2, 0, 0, 1]}))
    write("nb201-blank-total.txt", mutate({2: [5, 1, 0, 0, 0, 0, "/"]}))
    write("sums-several-mistakes.txt", mutate({0: [9, 2, 0, 0, 1, 0, 13], 16: [1, 0, 0, 0, 0, 0, 2]}))

    # Two years of one agency, for NB309 (checked as a folder).
    os.makedirs(os.path.join(HERE, "cross-year"), exist_ok=True)
    write("cross-year/白石镇2025年度报告.txt", base)
    last_year = LAST_YEAR_HEAD.replace("全年共收到政府信息公开申请 11 件，上年结转 1 件，办结 11 件，结转下年度 1 件", "全年共收到政府信息公开申请 13 件，上年结转 1 件，办结 11 件，结转下年度 3 件")
    write("cross-year/白石镇2024年度报告.txt", report(
        year=2024, head=last_year, tail=LAST_YEAR_TAIL, t2=table2_tabs({"行政规范性文件": [3, 0, 14]}),
        t3=table3_tabs({0: [10, 2, 0, 0, 1, 0, 13], 24: [2, 1, 0, 0, 0, 0, 3]})))
    # NB311: 2024's 12 in force + 2 issued − 1 repealed is 13, not 2025's 15.
    os.makedirs(os.path.join(HERE, "nb311-documents-in-force"), exist_ok=True)
    write("nb311-documents-in-force/白石镇2025年度报告.txt", base)
    write("nb311-documents-in-force/白石镇2024年度报告.txt", last_year_report(t2=table2_tabs({"行政规范性文件": [1, 0, 12]})))
    # NB312: section 五 of 2025 is 2024's, word for word (only the year moved on).
    os.makedirs(os.path.join(HERE, "nb312-copied-section"), exist_ok=True)
    write("nb312-copied-section/白石镇2025年度报告.txt", base)
    write("nb312-copied-section/白石镇2024年度报告.txt", last_year_report(tail=TAIL))
    # NB313: two reports for 2024 (the published one and a revised draft): neither is used.
    os.makedirs(os.path.join(HERE, "nb313-two-last-years"), exist_ok=True)
    write("nb313-two-last-years/白石镇2025年度报告.txt", base)
    write("nb313-two-last-years/白石镇2024年度报告.txt", last_year_report(t2=table2_tabs({"行政规范性文件": [1, 0, 12]})))
    write("nb313-two-last-years/白石镇2024年度报告（修改稿）.txt", last_year_report(t2=table2_tabs({"行政规范性文件": [1, 0, 12]})))

    # Dates
    write("nb301-period-wrong-year.txt", base.replace("自2025年1月1日起至2025年12月31日止", "自2024年1月1日起至2024年12月31日止"))
    write("nb302-period-not-whole-year.txt", base.replace("自2025年1月1日起至2025年12月31日止", "自2025年1月1日起至2025年11月30日止"))
    write("nb303-impossible-date.txt", base.replace("截至2025年12月31日，清理", "2025年2月29日前，清理"))
    write("nb304-reversed-range.txt", base + "\n附：本报告征求意见时间为2026年1月20日至2026年1月10日。\n")
    write("nb305-cutoff.txt", base.replace("截至2025年12月31日", "截至2025年11月30日"))
    write("nb306-paragraph-year.txt", base.replace("优化镇政府网站政务公开专栏", "2024年，优化镇政府网站政务公开专栏"))
    write("nb307-no-period.txt", base.replace("本报告中所列数据的统计期限自2025年1月1日起至2025年12月31日止。", ""))

    # Content
    write("nb308-signature-late.txt", report(year=2025, agency="青禾县水务局") + "\n青禾县水务局\n2026年2月15日\n")
    write("nb308-signature-early.txt", base + "\n青禾县白石镇人民政府\n2025年12月20日\n")
    write("clean-2025-signed.txt", base + "\n青禾县白石镇人民政府\n2026年3月10日\n")
    write("nb401-no-fee-statement.txt", base.replace("本年度未发出收费通知，未收取政府信息公开信息处理费。", "无"))
    write("nb403-no-accountability.txt", base.replace("把政务公开纳入年度绩效考核，开展社会评议 1 次，全年未发生责任追究事件。", "定期检查各站所政务公开工作。"))
    write("nb501-narrative-mismatch.txt", base.replace("全年共收到政府信息公开申请 12 件", "全年共收到政府信息公开申请 17 件").replace("办结 11 件", "办结 10 件"))
    write("nb402-empty-problems.txt", base.replace(TAIL.format(next=2026).split("六、")[0], "五、存在的主要问题及改进情况\n\n"))

    # What reviewers deduct points for
    write("nb116-table2-marks.txt", report(t2=table2_tabs({"行政强制": ["/"], "行政事业性收费": ["不适用"]})))
    write("nb310-work-year.txt", base.replace("扎实推进政府信息公开工作。", "扎实推进政府信息公开工作。本单位2024年度共清理政策文件 5 件。"))
    write("nb404-problems-say-nothing.txt", base.replace(TAIL.format(next=2026).split("六、")[0], "五、存在的主要问题及改进情况\n无\n\n"))
    write("nb405-problems-other-year.txt", base.replace("一是政策解读形式较为单一", "2024年存在的问题：一是政策解读形式较为单一")
          .replace("2026年，白石镇将丰富", "2025年，白石镇将丰富"))
    write("nb406-enumeration.txt", base.replace("二是个别站所信息报送不及时。", "三是个别站所信息报送不及时；三是政务新媒体更新较慢。"))
    write("nb407-doubled-word.txt", base.replace("政策解读形式较为单一", "政策解读的的形式较为单一").replace("压实各站所公开责任", "进一步进一步压实各站所公开责任"))
    write("nb408-unfinished-paragraph.txt", base.replace("政务新媒体全年发布信息 305 条。", "政务新媒体全年发布信息 305 条"))


if __name__ == "__main__":
    main()
