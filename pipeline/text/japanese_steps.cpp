// Japanese steps; the order they run in is in japanese_normalizer.cpp.
#include <unicode/uchar.h>

#include <algorithm>
#include <bitset>
#include <string_view>
#include <utility>
#include <vector>

#include "text/arabic_chars.h"
#include "text/char_table.h"
#include "text/nfkc_pass.h"
#include "text/steps.h"

namespace dipmine::text::ja {
namespace {

bool is_katakana(char32_t c) { return (c >= 0x30A1 && c <= 0x30FA) || c == 0x30FC; }

bool is_dash_variant(char32_t c) {
  switch (c) {
    case '-': case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0xFF0D: case 0xFF70: case 0x30FC:
      return true;
    default:
      return false;
  }
}


// Old and variant forms of kanji (kyūjitai and itaiji) beside the form in
// use today, as pairs: the forms of the Jōyō kanji table's notes, and the
// variants common in names (髙橋 高橋, 長﨑 長崎, 渡邉 渡辺), and the forms a
// fourth new-user trial found missing (橫浜 横浜, 步 歩, 每 毎, 靑 青). Older texts,
// organisation and place names write 國際, 濱, 澤: one key with 国際, 浜, 沢.
constexpr std::u32string_view kOldForms =
    U"亞亜惡悪壓圧圍囲醫医爲為壹壱隱隠營営榮栄衞衛驛駅圓円鹽塩緣縁艷艶"
    U"應応歐欧毆殴櫻桜奧奥假仮價価畫画會会壞壊懷懐繪絵擴拡覺覚學学嶽岳"
    U"樂楽勸勧卷巻歡歓罐缶觀観關関陷陥巖巌顏顔歸帰氣気龜亀僞偽戲戯犧犠"
    U"舊旧據拠擧挙峽峡挾挟狹狭曉暁區区驅駆勳勲徑径惠恵揭掲溪渓經経螢蛍"
    U"輕軽繼継鷄鶏藝芸缺欠儉倹劍剣圈圏檢検權権獻献硏研縣県險険顯顕驗験"
    U"嚴厳效効廣広恆恒黃黄鑛鉱號号國国黑黒濟済碎砕齋斎劑剤雜雑參参棧桟"
    U"蠶蚕贊賛殘残絲糸齒歯兒児辭辞濕湿實実寫写釋釈壽寿收収從従澁渋獸獣"
    U"縱縦肅粛處処敍叙將将燒焼稱称證証奬奨條条狀状乘乗淨浄剩剰疊畳孃嬢"
    U"讓譲釀醸觸触寢寝愼慎眞真盡尽圖図粹粋醉酔隨随髓髄數数樞枢聲声靜静"
    U"齊斉攝摂竊窃專専戰戦淺浅潛潜纖繊踐践錢銭禪禅雙双壯壮搜捜插挿爭争"
    U"總総聰聡莊荘裝装騷騒藏蔵臟臓屬属續続墮堕體体對対帶帯滯滞臺台瀧滝"
    U"擇択澤沢擔担單単膽胆團団斷断彈弾遲遅癡痴晝昼蟲虫鑄鋳廳庁聽聴敕勅"
    U"鎭鎮遞逓鐵鉄轉転點点傳伝黨党盜盗燈灯當当鬪闘德徳獨独讀読屆届繩縄"
    U"貳弐惱悩腦脳霸覇廢廃拜拝賣売麥麦發発髮髪拔抜蠻蛮祕秘濱浜甁瓶拂払"
    U"佛仏倂併竝並變変邊辺辯弁辨弁瓣弁舖舗穗穂寶宝豐豊襃褒沒没飜翻萬万"
    U"滿満默黙譯訳藥薬與与豫予餘余譽誉搖揺樣様謠謡來来亂乱覽覧兩両獵猟"
    U"壘塁勵励禮礼靈霊齡齢戀恋爐炉勞労樓楼祿禄錄録灣湾"
    U"龍竜髙高﨑崎邉辺嶋島濵浜冨富栁柳舘館槇槙"
    U"橫横步歩每毎靑青綠緑稻稲飮飲卽即郞郎尙尚晚晩徵徴淸清姬姫虛虚歷歴曆暦賴頼瀨瀬莖茎涉渉淚涙舍舎兔兎巢巣渴渇擊撃緖緒";

struct VariantTable {
  std::bitset<0x10000> mapped;  // every form above is in the BMP
  std::vector<std::pair<char32_t, char32_t>> pairs;  // sorted by the old form
  VariantTable() {
    for (size_t i = 0; i + 1 < kOldForms.size(); i += 2) {
      mapped.set(kOldForms[i]);
      pairs.emplace_back(kOldForms[i], kOldForms[i + 1]);
    }
    std::sort(pairs.begin(), pairs.end());
  }
};

}  // namespace

char32_t modern_form(char32_t c) {
  if (c == 0x30F6) return 0x30B1;  // ヶ → ケ
  if (c == 0x30F5) return 0x30AB;  // ヵ → カ
  static const VariantTable table;
  if (c >= 0x10000 || !table.mapped.test(c)) return c;
  const auto it = std::lower_bound(table.pairs.begin(), table.pairs.end(), std::pair<char32_t, char32_t>{c, 0});
  return it->second;
}

MappedText prolonged_sound_marks(MappedText&& in) {
  char32_t prev = 0;
  return rewrite_each(std::move(in), [&prev](char32_t c) -> char32_t {
    const char32_t r = (is_dash_variant(c) && is_katakana(prev)) ? char32_t{0x30FC} : c;
    // Ignorables (ZWNJ, soft hyphen, ...) vanish in fold: look through them, so
    // that clean decides the same with or without them.
    // So are the combining voiced sound marks: fold composes ヵ゙ into ガ
    // (fuzzing: ヵﾞ– became ガ– and, folded again, ガー).
    if ((c < 0x80 || !(char_flags(c) & kIgnorable)) && c != 0x3099 && c != 0x309A) {
      prev = r;
    }
    return r;
  });
}

MappedText drop_final_long_vowel(MappedText&& in) {
  constexpr std::string_view kMark = "\u30FC";  // ー
  if (in.text.find(kMark) == std::string::npos) return std::move(in);
  const std::string& s = in.text;
  // Lucene's JapaneseKatakanaStemFilter drops it from words of 4 characters
  // or more: カー, キー, ツアー keep theirs (カ, キ would be other words).
  constexpr size_t kMinRun = 4;
  auto in_word = [](char32_t c) { return (c >= 0x30A1 && c <= 0x30FA) || (c >= 0x30FC && c <= 0x30FF); };
  MappedText out;
  MapCursor cursor(in);
  size_t kept = 0;          // input bytes before this are in `out`
  size_t run_chars = 0;     // characters of the katakana run so far
  size_t last_letter = 0;   // start of the run's last character that is not ー
  size_t marks_from = std::string::npos;  // start of the run's trailing ー
  auto end_run = [&](size_t at) {
    if (marks_from != std::string::npos && run_chars >= kMinRun && marks_from > last_letter) {
      // The marks go; the letter before them keeps their bytes in its range,
      // so that a hit on ユーザ marks ユーザー in the original.
      copy_mapped(out, in, kept, last_letter);
      const auto [b, e] = cursor.range(last_letter, at);
      push_mapped(out, std::string_view(s).substr(last_letter, marks_from - last_letter), b, e);
      kept = at;
    }
    run_chars = 0;
    marks_from = std::string::npos;
  };
  for (size_t i = 0, len = 0; i < s.size(); i += len) {
    const char32_t c = decode_utf8(s, i, len);
    if (!in_word(c)) {
      end_run(i);
      continue;
    }
    if (c == 0x30FC) {
      if (run_chars == 0) {  // a run that starts with ー has no letter to end
        ++run_chars;
        last_letter = i + len;
        continue;
      }
      if (marks_from == std::string::npos) marks_from = i;
    } else {
      last_letter = i;
      marks_from = std::string::npos;
    }
    ++run_chars;
  }
  end_run(s.size());
  if (kept == 0) return std::move(in);
  copy_mapped(out, in, kept, s.size());
  return out;
}

MappedText fold_chars(MappedText&& in) {
  return apply_nfkc_casefold_then(std::move(in), [](char32_t c) {
    return c >= 0x3000 ? modern_form(c) : fa::fold_digit(c);
  });
}

}  // namespace dipmine::text::ja
