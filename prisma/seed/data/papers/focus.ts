import type { SeedPaper } from "../../types";
import { markdown, section } from "../markdown";

export const focusPapers: readonly SeedPaper[] = [
  {
    series: "ifans-focus",
    number: "2022-01",
    date: "2022-01-13",
    authors: ["SONG Taehyun", "OH Junseok"],
    topics: ["security", "technology"],
    regions: ["north-korea"],
    ko: {
      title: "북한의 연초 극초음속 미사일 시험발사 평가",
      summary:
        "북한이 새해 들어 잇달아 '극초음속 미사일'을 시험발사했다. 이 글은 시험의 기술적·정치적 의미와 한국의 대응 과제를 짚는다.",
      baseHits: 9730,
      body: markdown(
        section(
          "연이은 시험발사",
          "북한은 1월 들어 두 차례 극초음속 활공체를 탑재했다고 주장하는 미사일을 발사했다. 국방력 발전 계획에 따른 신무기 개발이 본격화되고 있음을 보여 준다.",
        ),
        section(
          "기술적 의미",
          "변칙 기동이 가능한 활공체는 기존 미사일 방어체계의 요격을 어렵게 한다. 다만 실제 성능과 전력화 수준은 추가 검증이 필요하다.",
        ),
        section(
          "대응 과제",
          "한국은 탐지·추적 능력을 보강하고 한미 연합 방어태세를 점검하는 한편, 대화 재개를 위한 외교적 노력도 병행해야 한다.",
        ),
      ),
    },
    en: {
      title: "Assessing North Korea's Hypersonic Missile Tests at the Start of 2022",
      summary:
        "North Korea has tested what it calls hypersonic missiles twice since the new year began. This brief assesses the technical and political meaning of the tests and the tasks they set for Korea.",
      baseHits: 6040,
      body: markdown(
        section(
          "Back-to-Back Launches",
          "In January Pyongyang twice launched missiles it says carried hypersonic glide vehicles, a sign that development of new weapons under its five-year defence plan is in full swing.",
        ),
        section(
          "Technical Meaning",
          "Manoeuvring glide vehicles make interception by existing missile defences harder, although their actual performance and readiness for deployment need further verification.",
        ),
        section(
          "Tasks Ahead",
          "Korea should improve detection and tracking, review the combined defence posture with the United States, and keep up diplomatic efforts to resume dialogue.",
        ),
      ),
    },
  },
  {
    // Published in Korean only.
    series: "ifans-focus",
    number: "2022-05",
    date: "2022-03-31",
    authors: ["OH Junseok"],
    topics: ["security"],
    regions: ["north-korea"],
    ko: {
      title: "북한의 ICBM 발사와 모라토리엄 파기",
      titleEn: "North Korea's ICBM Launch and the End of Its Moratorium",
      summary:
        "북한이 2018년 스스로 선언한 ICBM 시험발사 유예를 깨고 신형 ICBM을 발사했다. 이 글은 발사의 의도와 향후 정세를 전망한다.",
      summaryEn:
        "North Korea has broken the moratorium on ICBM tests it declared in 2018 by launching a new intercontinental ballistic missile. The paper examines its intentions and the outlook.",
      baseHits: 13890,
      body: markdown(
        section(
          "발사의 의미",
          "이번 발사는 2017년 이후 처음으로 사거리 제한 없이 이뤄진 ICBM 시험으로, 대미 협상보다 능력 고도화를 우선하겠다는 의지를 보여 준다.",
        ),
        section(
          "북한의 의도",
          "북한은 국방력 발전 계획의 목표를 달성하는 한편, 우크라이나 전쟁으로 안보리의 단합이 어려워진 국면을 활용하려는 것으로 보인다.",
        ),
        section(
          "향후 전망",
          "추가 핵실험 가능성까지 염두에 두고 한미 억제태세를 점검해야 한다. 안보리 대응이 막힐 경우 동지국 간 독자 제재 공조가 중요해진다.",
        ),
      ),
    },
  },
  {
    series: "ifans-focus",
    number: "2022-14",
    date: "2022-08-18",
    authors: ["JUNG Minho", "LIM Sora"],
    topics: ["economy-trade"],
    regions: ["united-states", "southeast-asia"],
    // An older paper whose file was never migrated: the page shows no attachment.
    attachment: false,
    ko: {
      title: "IPEF 출범과 한국의 통상전략",
      summary:
        "인도·태평양 경제 프레임워크(IPEF)가 공식 출범했다. 이 글은 IPEF의 구조와 한계를 짚고 한국의 참여 전략을 제안한다.",
      baseHits: 7650,
      body: markdown(
        section(
          "IPEF의 구조",
          "IPEF는 무역, 공급망, 청정경제, 공정경제의 네 축으로 구성되며, 회원국이 축별로 참여를 선택할 수 있다.",
        ),
        section(
          "한계",
          "시장 접근 확대가 빠져 있어 개발도상국이 얻을 실익이 불분명하고, 미국 국내 정치 변화에 따라 지속성이 흔들릴 수 있다.",
        ),
        section(
          "한국의 전략",
          "한국은 공급망 조기경보와 디지털 통상 규범 논의에 적극 참여하고, 아세안 회원국을 위한 역량 강화 사업으로 신뢰를 쌓아야 한다.",
        ),
      ),
    },
    en: {
      title: "The Launch of IPEF and Korea's Trade Strategy",
      summary:
        "The Indo-Pacific Economic Framework has been formally launched. This brief outlines its structure and limits and suggests how Korea should take part.",
      baseHits: 4210,
      body: markdown(
        section(
          "How IPEF Is Built",
          "IPEF rests on four pillars: trade, supply chains, the clean economy and the fair economy. Members may choose which pillars to join.",
        ),
        section(
          "Limits",
          "Without greater market access, the gains for developing members are unclear, and the framework's durability depends on American domestic politics.",
        ),
        section(
          "Korea's Strategy",
          "Korea should engage actively on supply-chain early warning and digital trade rules, and build trust through capacity-building projects for ASEAN members.",
        ),
      ),
    },
  },
  {
    series: "ifans-focus",
    number: "2023-03",
    date: "2023-02-09",
    authors: ["YOON Dahye", "SEO Yerin"],
    topics: ["climate", "economy-trade"],
    regions: ["europe"],
    ko: {
      title: "EU 탄소국경조정제도와 한국 수출기업",
      summary:
        "EU 탄소국경조정제도(CBAM)의 전환기간이 다가오고 있다. 이 글은 제도의 주요 내용과 한국 수출기업의 대응 과제를 정리한다.",
      baseHits: 8940,
      body: markdown(
        section(
          "제도의 개요",
          "CBAM은 철강, 알루미늄, 시멘트, 비료, 전력, 수소 등 탄소 집약 품목의 수입품에 EU 배출권 가격에 상응하는 비용을 부과하는 제도다.",
        ),
        section(
          "수출기업의 과제",
          "전환기간에는 내재 배출량 보고 의무만 있지만, 신뢰할 수 있는 배출량 산정 체계를 미리 갖추지 않으면 본격 시행 이후 비용이 크게 늘 수 있다.",
        ),
        section("정책 과제", "정부는 국내 배출권거래제와의 연계 인정을 협의하고 중소기업의 측정·보고·검증 역량을 지원해야 한다."),
      ),
    },
    en: {
      title: "The EU's Carbon Border Adjustment Mechanism and Korean Exporters",
      summary:
        "The transitional phase of the EU's Carbon Border Adjustment Mechanism is approaching. This brief summarises the scheme and what Korean exporters need to do.",
      baseHits: 5630,
      body: markdown(
        section(
          "The Scheme in Brief",
          "CBAM charges imports of carbon-intensive goods, namely steel, aluminium, cement, fertilisers, electricity and hydrogen, a price matching that of EU emission allowances.",
        ),
        section(
          "What Exporters Face",
          "During the transition only reporting of embedded emissions is required, but firms without reliable emission accounting could face steep costs once the charge applies.",
        ),
        section(
          "Policy Tasks",
          "The government should seek recognition of Korea's emissions trading scheme and help small firms build capacity for measurement, reporting and verification.",
        ),
      ),
    },
  },
  {
    series: "ifans-focus",
    number: "2023-11",
    date: "2023-07-20",
    authors: ["BAEK Hana"],
    topics: ["diplomacy"],
    regions: ["middle-east", "china"],
    ko: {
      title: "사우디-이란 관계 정상화와 걸프 정세의 변화",
      summary:
        "중국의 중재로 사우디아라비아와 이란이 외교관계를 복원했다. 이 글은 합의의 배경과 걸프 정세에 미칠 영향을 분석한다.",
      baseHits: 5470,
      body: markdown(
        section(
          "합의의 배경",
          "사우디아라비아는 경제 다변화 계획에 집중하기 위해 역내 긴장 완화가 필요했고, 이란은 제재 속에서 외교적 고립을 벗어나려 했다.",
        ),
        section(
          "중국의 역할",
          "중국의 중재는 중동에서 중국의 외교적 존재감을 보여 주었지만, 안보 보장자로서의 역할까지 의미하지는 않는다.",
        ),
        section(
          "걸프 정세 전망",
          "예멘 내전과 핵 문제 등 갈등 요인이 남아 있어 관계 개선은 점진적일 것이다. 한국은 역내 긴장 완화를 경제협력 확대의 기회로 활용해야 한다.",
        ),
      ),
    },
    en: {
      title: "Saudi-Iranian Rapprochement and the Changing Gulf",
      summary:
        "Saudi Arabia and Iran have restored diplomatic relations through Chinese mediation. This brief analyses the background to the deal and its effect on the Gulf.",
      baseHits: 3320,
      body: markdown(
        section(
          "Why Now",
          "Riyadh needed calmer surroundings to pursue its economic diversification plans, while Tehran sought a way out of diplomatic isolation under sanctions.",
        ),
        section(
          "China's Role",
          "Beijing's mediation displayed its diplomatic presence in the Middle East, but it does not make China a security guarantor in the region.",
        ),
        section(
          "Outlook for the Gulf",
          "With the war in Yemen and the nuclear issue unresolved, improvement will be gradual. Korea should use the easing of tension to expand economic cooperation.",
        ),
      ),
    },
  },
  {
    series: "ifans-focus",
    number: "2024-02",
    date: "2024-01-25",
    authors: ["HAN Seungmin"],
    topics: ["security", "diplomacy"],
    regions: ["china", "united-states"],
    ko: {
      title: "2024년 대만 선거와 양안관계 전망",
      summary:
        "대만 총통 선거에서 민진당이 3연속 집권에 성공했다. 이 글은 선거 결과가 양안관계와 미중관계에 미칠 영향을 전망한다.",
      baseHits: 6980,
      body: markdown(
        section("선거 결과", "민진당은 총통직을 지켰지만 입법원 과반을 잃어 정책 추진에 제약을 받게 되었다."),
        section(
          "양안관계 전망",
          "중국은 군사적 압박과 경제적 유인을 병행하며 새 정부를 시험할 것이다. 대규모 충돌보다는 회색지대 압박이 이어질 가능성이 크다.",
        ),
        section(
          "한국에 대한 함의",
          "대만해협의 평화와 안정은 한국의 해상 교통로와 공급망에 직결된다. 한국은 원칙적 입장을 일관되게 유지하며 위기 시나리오에 대비해야 한다.",
        ),
      ),
    },
    en: {
      title: "Taiwan's 2024 Elections and the Outlook for Cross-Strait Relations",
      summary:
        "The Democratic Progressive Party has won Taiwan's presidency for a third consecutive term. This brief considers what the result means for cross-Strait and U.S.-China relations.",
      baseHits: 4560,
      body: markdown(
        section(
          "The Result",
          "The DPP kept the presidency but lost its majority in the Legislative Yuan, which will constrain its agenda.",
        ),
        section(
          "Cross-Strait Outlook",
          "Beijing will test the new government with a mix of military pressure and economic inducements. Grey-zone coercion is more likely than a major clash.",
        ),
        section(
          "Implications for Korea",
          "Peace and stability in the Taiwan Strait bear directly on Korea's sea lanes and supply chains. Seoul should hold a consistent, principled position and prepare for crisis scenarios.",
        ),
      ),
    },
  },
  {
    series: "ifans-focus",
    number: "2024-09",
    date: "2024-07-18",
    authors: ["YOON Dahye", "PARK Jiyoung"],
    topics: ["security"],
    regions: ["europe", "united-states"],
    ko: {
      title: "나토 워싱턴 정상회의와 인도·태평양 파트너",
      summary:
        "창설 75주년 나토 정상회의가 워싱턴에서 열렸다. 이 글은 회의 결과와 인도·태평양 파트너국과의 협력 방향을 살펴본다.",
      baseHits: 4870,
      body: markdown(
        section(
          "정상회의의 결과",
          "나토는 우크라이나에 대한 장기 지원 틀과 방산 생산 확대에 합의했으며, 러시아를 가장 중대한 직접 위협으로 재확인했다.",
        ),
        section(
          "인도·태평양 파트너",
          "한국, 일본, 호주, 뉴질랜드는 3년 연속 초청되었고, 사이버와 허위정보 대응, 방산 협력 등에서 실질 협력 사업이 논의되었다.",
        ),
        section(
          "한국의 과제",
          "북러 군사협력으로 유럽과 인도·태평양의 안보가 연결된 만큼, 한국은 나토와의 정보 공유와 방산 공급망 협력을 제도화해야 한다.",
        ),
      ),
    },
    en: {
      title: "The NATO Washington Summit and the Indo-Pacific Partners",
      summary:
        "NATO marked its 75th anniversary with a summit in Washington. This brief reviews the results and the direction of cooperation with partners in the Indo-Pacific.",
      baseHits: 3190,
      body: markdown(
        section(
          "What the Summit Decided",
          "Allies agreed on a long-term framework of support for Ukraine and on expanding defence production, and again named Russia the most significant and direct threat.",
        ),
        section(
          "The Indo-Pacific Partners",
          "Korea, Japan, Australia and New Zealand were invited for the third year running, and practical projects on cyber defence, disinformation and defence industry were discussed.",
        ),
        section(
          "Tasks for Korea",
          "With North Korea-Russia military cooperation linking European and Indo-Pacific security, Korea should institutionalise intelligence sharing and defence supply-chain cooperation with NATO.",
        ),
      ),
    },
  },
  {
    series: "ifans-focus",
    number: "2025-04",
    date: "2025-02-27",
    authors: ["KWON Dohyun", "HAN Seungmin"],
    topics: ["technology"],
    regions: ["china", "united-states"],
    ko: {
      title: "딥시크 충격과 미중 기술경쟁의 새 국면",
      summary:
        "중국 기업 딥시크가 적은 비용으로 고성능 인공지능 모델을 공개해 파장을 일으켰다. 이 글은 그 의미와 미중 기술경쟁에 주는 함의를 분석한다.",
      baseHits: 9120,
      body: markdown(
        section(
          "무엇이 달랐나",
          "딥시크는 제한된 연산 자원으로도 효율적인 학습 기법을 통해 선두 모델에 근접한 성능을 보여 주었고, 모델을 공개해 빠르게 확산되었다.",
        ),
        section(
          "수출통제의 효과",
          "이 사례는 수출통제가 중국의 기술 발전을 늦출 수는 있어도 막기는 어렵다는 점과, 통제가 오히려 효율 혁신을 자극할 수 있다는 점을 보여 준다.",
        ),
        section(
          "한국에 대한 함의",
          "한국은 연산 인프라 확충과 함께 데이터 보호와 보안 기준을 정비하고, 개방형 모델 생태계에서의 경쟁력을 키워야 한다.",
        ),
      ),
    },
    en: {
      title: "DeepSeek and the New Phase of U.S.-China Technology Competition",
      summary:
        "The Chinese firm DeepSeek caused a stir by releasing a high-performing AI model built at low cost. This brief analyses its significance for U.S.-China technology competition.",
      baseHits: 7430,
      body: markdown(
        section(
          "What Was Different",
          "With limited computing power, DeepSeek came close to leading models through efficient training methods, and its open release let the model spread fast.",
        ),
        section(
          "The Effect of Export Controls",
          "The case suggests that export controls can slow Chinese progress but hardly stop it, and may even spur innovation in efficiency.",
        ),
        section(
          "Implications for Korea",
          "Korea should expand computing infrastructure, tighten data-protection and security standards, and build strength in the ecosystem of open models.",
        ),
      ),
    },
  },
  {
    series: "ifans-focus",
    number: "2025-10",
    date: "2025-06-12",
    authors: ["YOON Dahye"],
    topics: ["security", "economy-trade"],
    regions: ["europe", "russia"],
    ko: {
      title: "유럽의 재무장과 그 함의",
      summary: "유럽 각국이 국방비를 대폭 늘리며 재무장에 나서고 있다. 이 글은 그 배경과 방산 협력의 기회를 살펴본다.",
      baseHits: 5640,
      body: markdown(
        section(
          "재무장의 배경",
          "러시아의 위협과 미국 안보 공약에 대한 불확실성이 겹치면서 유럽은 스스로의 방위 역량을 키우는 방향으로 움직이고 있다.",
        ),
        section(
          "EU 차원의 대응",
          "EU는 방위 투자를 위한 대출 제도와 재정 규칙 완화를 도입했지만, 역내 방산 조달을 우선하는 경향도 강해지고 있다.",
        ),
        section(
          "한국의 기회와 과제",
          "한국 방산의 납기와 가격 경쟁력은 강점이지만, 현지 생산과 기술 협력을 요구하는 유럽의 기대에 부응하는 파트너십 모델이 필요하다.",
        ),
      ),
    },
    en: {
      title: "Europe's Rearmament and Its Implications",
      summary:
        "European states are raising defence spending sharply. This brief looks at the reasons and at the opportunities for defence-industrial cooperation.",
      baseHits: 3870,
      body: markdown(
        section(
          "Why Europe Is Rearming",
          "The Russian threat and doubts about American security commitments have combined to push Europe towards building its own defence capacity.",
        ),
        section(
          "The EU's Response",
          "The EU has introduced loans for defence investment and eased its fiscal rules, but there is also a growing preference for buying European.",
        ),
        section(
          "Opportunities and Tasks for Korea",
          "Korean defence firms compete well on delivery times and price, but need partnership models that meet European expectations of local production and technology cooperation.",
        ),
      ),
    },
  },
  {
    series: "ifans-focus",
    number: "2026-02",
    date: "2026-01-29",
    authors: ["BAEK Hana"],
    topics: ["diplomacy", "security"],
    regions: ["middle-east"],
    ko: {
      title: "가자 휴전 이후의 중동 질서",
      summary:
        "가자 지구의 휴전 이후 중동은 재건과 안정화라는 과제를 안고 있다. 이 글은 주요 행위자의 입장과 한국의 기여 방안을 살펴본다.",
      baseHits: 2870,
      body: markdown(
        section(
          "휴전의 취약성",
          "휴전은 인질 석방과 인도적 지원 확대의 계기가 되었지만, 통치 구조와 안보 문제에 대한 합의가 없어 언제든 흔들릴 수 있다.",
        ),
        section(
          "주요 행위자의 계산",
          "걸프 국가들은 재건 재원 제공을 정치적 해법과 연계하려 하고, 이란과 그 연계 세력은 약화된 입지를 회복할 기회를 노리고 있다.",
        ),
        section(
          "한국의 기여",
          "한국은 인도적 지원과 재건 사업을 통해 기여하고, 역내 국가들과의 경제협력을 안정화 노력과 연결해야 한다.",
        ),
      ),
    },
    en: {
      title: "The Middle East after the Gaza Ceasefire",
      summary:
        "After the ceasefire in Gaza the Middle East faces the tasks of reconstruction and stabilisation. This brief looks at the positions of the main actors and how Korea can contribute.",
      baseHits: 1920,
      body: markdown(
        section(
          "A Fragile Ceasefire",
          "The ceasefire brought the release of hostages and more humanitarian aid, but without agreement on governance and security it could unravel at any time.",
        ),
        section(
          "The Calculations of the Main Actors",
          "Gulf states want to tie reconstruction money to a political settlement, while Iran and its partners look for a chance to recover lost ground.",
        ),
        section(
          "Korea's Contribution",
          "Korea can contribute through humanitarian aid and reconstruction projects, and link its economic cooperation with regional states to the work of stabilisation.",
        ),
      ),
    },
  },
  {
    series: "ifans-focus",
    number: "2026-07",
    date: "2026-05-21",
    authors: ["RYU Jiwon", "SEO Yerin"],
    topics: ["climate", "economy-trade"],
    regions: ["russia", "europe"],
    ko: {
      title: "변화하는 북극: 항로와 기후변화",
      summary:
        "기후변화로 북극 항로의 상업적 이용 가능성이 커지고 있지만 지정학적 위험도 함께 커지고 있다. 이 글은 북극 협력의 현황과 한국의 과제를 짚는다.",
      baseHits: 1760,
      body: markdown(
        section(
          "녹는 바다, 열리는 항로",
          "해빙 감소로 북극항로의 운항 가능 기간이 늘어나고 있으나, 기상 위험과 인프라 부족, 보험 비용은 여전히 큰 제약이다.",
        ),
        section(
          "얼어붙은 협력",
          "우크라이나 전쟁 이후 북극이사회의 협력이 크게 위축되었고, 러시아와 서방 사이의 군사적 긴장이 북극에서도 높아졌다.",
        ),
        section(
          "한국의 과제",
          "한국은 북극이사회 옵서버로서 과학 연구와 친환경 선박 기술에 집중하고, 항로 이용은 제재와 안전 문제를 신중히 고려해 판단해야 한다.",
        ),
      ),
    },
    en: {
      title: "The Arctic in Transition: Shipping Routes and Climate Change",
      summary:
        "Climate change is making Arctic shipping commercially viable, but geopolitical risk is rising with it. This brief reviews the state of Arctic cooperation and the tasks for Korea.",
      baseHits: 1230,
      body: markdown(
        section(
          "Melting Seas, Opening Routes",
          "Shrinking sea ice has lengthened the season on the Northern Sea Route, yet weather risks, poor infrastructure and insurance costs remain serious constraints.",
        ),
        section(
          "Frozen Cooperation",
          "Since the war in Ukraine, cooperation in the Arctic Council has largely stalled, and military tension between Russia and the West has reached the Arctic too.",
        ),
        section(
          "Tasks for Korea",
          "As an observer to the Arctic Council, Korea should concentrate on science and green shipping technology, and weigh sanctions and safety carefully before using the route.",
        ),
      ),
    },
  },
  {
    // Not public yet: scheduled for 2027 (tests check readers never see it early).
    series: "ifans-focus",
    number: "2027-01",
    date: "2027-01-14",
    status: "scheduled",
    authors: ["MOON Seoyeon", "SONG Taehyun"],
    topics: ["diplomacy", "security"],
    regions: ["united-states", "china"],
    ko: {
      title: "2027년 국제정세 전망",
      titleEn: "Outlook for International Affairs in 2027",
      summary: "2027년 국제정세의 주요 흐름을 전망하고 한국 외교의 과제를 제시한다.",
      summaryEn: "The main currents of international affairs expected in 2027, and the tasks they set for Korean diplomacy.",
      baseHits: 0,
      body: markdown(
        section(
          "강대국 경쟁의 지속",
          "미중 전략경쟁은 기술과 공급망을 중심으로 이어지며, 위기 관리 장치를 마련하는 것이 주요 과제가 될 것이다.",
        ),
        section("지역 분쟁과 안보", "유럽과 중동의 분쟁이 한반도 안보와 연결되는 현상이 뚜렷해지고 있다."),
        section("한국 외교의 과제", "한국은 동맹을 기반으로 하면서도 다양한 파트너와의 협력을 넓혀 불확실성에 대비해야 한다."),
      ),
    },
  },
];
