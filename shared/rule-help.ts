import type { Locale } from "./findings.ts";

/**
 * The kinds of rule a criteria set can say (CRITERIA-FORMAT.md §1 and §6), each with the
 * phrase as a decision writes it and the JSON that says it, for help text (the add-in shows
 * it to admins; the README lists the same, and a test keeps the two alike and every example valid).
 */
export interface RuleKindHelp {
  key: string;
  /** 1: the first contract; 2: rules of real decisions (§6). */
  version: 1 | 2;
  /** Where the JSON goes: in an item, or on the set itself. */
  scope: "item" | "set";
  name: string;
  explanation: string;
  /** How a decision says it (Vietnamese, as written). */
  phrase: string;
  /** The JSON snippet (an item, or the set's key). */
  example: string;
}

type Entry = Omit<RuleKindHelp, "name" | "explanation"> & Record<Locale, [name: string, explanation: string]>;

const ENTRIES: Entry[] = [
  {
    key: "manual", version: 1, scope: "item",
    vi: ["Chấm tay theo bước", "Đơn vị tự chấm một số từ min (mặc định 0) đến max, là bội số của bước (mặc định 0,25)."],
    en: ["Manual score with a step", "The unit types a number from min (default 0) to max, a multiple of the step (default 0.25)."],
    phrase: "Căn cứ mức độ thực hiện, chấm từ 0 đến 2 điểm",
    example: '{"code":"1.3","title":"Tuyên truyền cải cách hành chính","max":2,"rule":{"kind":"manual","step":0.5}}',
  },
  {
    key: "choice", version: 1, scope: "item",
    vi: ["Các mức điểm cố định", "Điểm tự chấm phải là một trong các mức."],
    en: ["Fixed options", "The self-score must be one of the options."],
    phrase: "Ban hành kịp thời: 1; không kịp thời: 0,5; không ban hành: 0",
    example: '{"code":"1.1.1","title":"Ban hành kế hoạch CCHC năm","max":1,"rule":{"kind":"choice","options":[1,0.5,0]}}',
  },
  {
    key: "ratio", version: 1, scope: "item",
    vi: ["Tỷ lệ theo mức (từ … %)", "Điểm tính từ số liệu kê khai (tỷ lệ % hoặc a/b): mức có ngưỡng cao nhất mà tỷ lệ đạt (≥ min)."],
    en: ["Ratio bands (from … %)", "Points come from the declared data (a percentage or a/b): the highest band the percentage reaches (≥ min)."],
    phrase: "100% hồ sơ giải quyết đúng hạn: 2 điểm; từ 80% đến dưới 100%: 1 điểm; dưới 80%: 0 điểm",
    example: '{"code":"3.2.1","title":"Tỷ lệ hồ sơ TTHC giải quyết đúng hạn","max":2,"rule":{"kind":"ratio","bands":[{"min":100,"points":2},{"min":80,"points":1},{"min":0,"points":0}]}}',
  },
  {
    key: "proportional", version: 1, scope: "item",
    vi: ["Tỷ lệ nhân điểm tối đa", "Điểm = max × tỷ lệ ÷ mục tiêu (tối đa max), làm tròn đến 0,01."],
    en: ["Proportional ratio", "Points = max × percentage ÷ target (at most max), rounded to 0.01."],
    phrase: "Điểm = Tỷ lệ × điểm tối đa; đạt từ 80% trở lên được điểm tối đa",
    example: '{"code":"6.1.2","title":"Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC","max":4,"rule":{"kind":"ratio","proportional":true,"target":80}}',
  },
  {
    key: "survey", version: 1, scope: "item",
    vi: ["Điều tra xã hội học", "Đơn vị không tự chấm; điểm lấy từ kết quả điều tra."],
    en: ["Sociological survey", "Not self-scored; points come from the survey import."],
    phrase: "Điểm đánh giá qua điều tra xã hội học mức độ hài lòng của người dân",
    example: '{"code":"8.1","title":"Mức độ hài lòng của người dân, tổ chức","max":20,"rule":{"kind":"survey"}}',
  },
  {
    key: "evidence", version: 1, scope: "item",
    vi: ["Bắt buộc tài liệu kiểm chứng", "Điểm dương cần tài liệu kiểm chứng hoặc giải trình ở cột ghi chú, nếu không tính 0."],
    en: ["Evidence required", "A positive score needs a cited document or an explanation in the note column, else it counts 0."],
    phrase: "Điểm tự đánh giá không có tài liệu kiểm chứng thì không được tính",
    example: '{"code":"2.1","title":"Ban hành văn bản quy phạm pháp luật","max":2,"evidence":{"required":true,"hint":"Quyết định, nghị quyết ban hành"}}',
  },
  {
    key: "adjustment", version: 1, scope: "item",
    vi: ["Điểm thưởng, điểm trừ", "Mục cấp lĩnh vực ngoài tổng điểm tối đa; điểm được cộng vào tổng; tiêu chí có thể âm."],
    en: ["Bonus and deductions", "A top-level section outside the maximum; its points are added to the total; leaves may be negative."],
    phrase: "Điểm trừ: chậm gửi báo cáo cải cách hành chính, trừ tối đa 2 điểm",
    example: '{"code":"9","title":"Điểm thưởng, điểm trừ","adjustment":true,"children":[{"code":"9.1","title":"Chậm gửi báo cáo","max":0,"min":-2,"rule":{"kind":"manual","step":0.5}}]}',
  },
  {
    key: "above", version: 2, scope: "item",
    vi: ["Ngưỡng “trên” (không tính bằng)", "Mức có \"above\" chỉ đạt khi tỷ lệ lớn hơn hẳn ngưỡng: đúng 90 % được mức dưới."],
    en: ["Strict bound (“above”)", "A band with \"above\" holds only when the percentage is strictly greater: exactly 90 % gets the lower band."],
    phrase: "Thực hiện trên 90% kế hoạch: 2 điểm; từ 70% - 90%: 1 điểm; dưới 70%: 0 điểm",
    example: '{"code":"1.1.2","title":"Tỷ lệ hoàn thành nhiệm vụ trong kế hoạch CCHC","max":2,"rule":{"kind":"ratio","bands":[{"above":90,"points":2},{"min":70,"points":1},{"min":0,"points":0}]}}',
  },
  {
    key: "notApplicableFull", version: 2, scope: "item",
    vi: ["Không phát sinh → đủ điểm", "Ghi \"Không phát sinh\", \"KPS\", \"N/A\" (hoặc kê khai 0/0) thì được điểm tối đa; điểm tối đa vẫn tính vào tổng."],
    en: ["Nothing arose → full points", "\"Không phát sinh\", \"KPS\", \"N/A\" (or 0/0 declared) scores the maximum, which stays in the total maximum."],
    phrase: "Trong năm không có nhiệm vụ xử lý văn bản trái pháp luật thì được tính 03 điểm",
    example: '{"code":"2.3","title":"Xử lý văn bản trái pháp luật","max":3,"notApplicable":"full"}',
  },
  {
    key: "notApplicableExclude", version: 2, scope: "item",
    vi: ["Không áp dụng → bỏ khỏi tổng điểm", "Ghi \"Không áp dụng\" thì điểm tối đa của tiêu chí bỏ khỏi tổng điểm tối đa (như \"optional\": true)."],
    en: ["Not applicable → out of the maximum", "\"Không áp dụng\" takes the item's maximum out of the total maximum (as \"optional\": true)."],
    phrase: "Tiêu chí không áp dụng đối với đơn vị không có thôn, tổ dân phố: không tính vào tổng điểm",
    example: '{"code":"4.4","title":"Sắp xếp thôn, tổ dân phố","max":3,"notApplicable":"exclude"}',
  },
  {
    key: "penalty", version: 2, scope: "item",
    vi: ["Bị trừ điểm trong tiêu chí", "\"min\" âm: tiêu chí có thể âm; điểm tối đa vẫn cộng vào mục cha."],
    en: ["A deduction inside a criterion", "A negative \"min\": the item may score below 0; its max still counts in its parent."],
    phrase: "Không bố trí công chức đầu mối: 0 điểm và bị trừ 0,25 điểm",
    example: '{"code":"4.2","title":"Bố trí công chức đầu mối cải cách hành chính","max":1,"min":-0.25,"rule":{"kind":"choice","options":[1,0,-0.25]}}',
  },
  {
    key: "floor", version: 2, scope: "item",
    vi: ["Mức sàn của mục cha", "Điểm của mục cha không thấp hơn \"floor\" dù các mục con bị trừ nhiều hơn."],
    en: ["A parent's floor", "The parent's score never goes below \"floor\", however much its children lose."],
    phrase: "Mỗi trường hợp vi phạm trừ 0,5 điểm, trừ đến khi hết số điểm của tiêu chí",
    example: '{"code":"5.3","title":"Chấp hành kỷ luật, kỷ cương hành chính","max":2,"floor":0,"children":[{"code":"5.3.1","title":"Không có vi phạm","max":2},{"code":"5.3.2","title":"Trừ mỗi trường hợp vi phạm","max":0,"min":-3,"rule":{"kind":"count","each":-0.5}}]}',
  },
  {
    key: "best", version: 2, scope: "item",
    vi: ["Lấy phương án điểm cao nhất", "Mục cha \"combine\": \"best\" lấy điểm cao nhất của các mục con; điểm tối đa là điểm tối đa lớn nhất của chúng."],
    en: ["Best of alternatives", "A parent with \"combine\": \"best\" scores its highest child; its max is the greatest child max."],
    phrase: "Tính điểm cho trường hợp nào có điểm cao nhất",
    example: '{"code":"1.4","title":"Đối thoại với người dân, doanh nghiệp","max":2,"combine":"best","children":[{"code":"1.4.1","title":"Chủ tịch UBND trực tiếp đối thoại","max":2},{"code":"1.4.2","title":"Ủy quyền Phó Chủ tịch đối thoại","max":1}]}',
  },
  {
    key: "count", version: 2, scope: "item",
    vi: ["Đếm số lượng, có trần", "Kê khai một số nguyên n: điểm = base + n × each, trong khoảng [min, max]."],
    en: ["Counted items with a cap", "Declare a whole number n: points = base + n × each, within [min, max]."],
    phrase: "Mỗi ứng dụng công nghệ thông tin được 1 điểm, tổng không quá 5 điểm",
    example: '{"code":"7.3","title":"Ứng dụng công nghệ thông tin trong quản lý, điều hành","max":5,"rule":{"kind":"count","each":1}}',
  },
  {
    key: "countDeduction", version: 2, scope: "item",
    vi: ["Trừ điểm theo số lần", "Bắt đầu từ base, mỗi lần trừ |each|, không dưới min (mặc định 0)."],
    en: ["A deduction per counted item", "Starts from base, each counted item takes |each| away, never below min (default 0)."],
    phrase: "Trừ 0,5 điểm đối với mỗi báo cáo gửi chậm",
    example: '{"code":"1.2","title":"Báo cáo cải cách hành chính đúng thời hạn","max":2,"rule":{"kind":"count","base":2,"each":-0.5}}',
  },
  {
    key: "requires", version: 2, scope: "item",
    vi: ["Điều kiện theo tiêu chí khác", "Tiêu chí chỉ được tính khi tiêu chí được nêu đạt từ \"atLeast\" điểm; nếu không, tính 0."],
    en: ["A condition on another item", "The item counts only when the named item reaches \"atLeast\"; otherwise it counts 0."],
    phrase: "Chỉ chấm điểm tiêu chí này khi đơn vị đã ban hành kế hoạch cải cách hành chính năm",
    example: '{"code":"1.5","title":"Kiểm tra việc thực hiện kế hoạch CCHC","max":1,"requires":{"code":"1.1.1","atLeast":0.5}}',
  },
  {
    key: "whenSurveyAbsent", version: 2, scope: "set",
    vi: ["Không điều tra thì quy đổi về 100", "Trên bộ tiêu chí: khi chưa nhập điểm điều tra nào, điểm tối đa bỏ phần điều tra, chỉ số là điểm tự đánh giá quy về 100."],
    en: ["No survey: rescale to 100", "On the set: when no survey score was imported, the maximum leaves the survey out and the index is the self-assessed part scaled to 100."],
    phrase: "Trường hợp không tổ chức điều tra xã hội học, điểm tự đánh giá được quy đổi về thang điểm 100",
    example: '"whenSurveyAbsent": "rescale"',
  },
];

export function ruleKindHelp(locale: Locale): RuleKindHelp[] {
  return ENTRIES.map(({ vi, en, ...entry }) => {
    const [name, explanation] = locale === "vi" ? vi : en;
    return { ...entry, name, explanation };
  });
}
