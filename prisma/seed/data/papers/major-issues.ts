import type { SeedPaper } from "../../types";
import { bullets, markdown, section } from "../markdown";

export const majorIssuesPapers: readonly SeedPaper[] = [
  {
    series: "major-issues",
    number: "2022-18",
    date: "2022-06-30",
    authors: ["CHO Hyejin"],
    topics: ["economy-trade", "development"],
    regions: ["russia", "europe"],
    ko: {
      title: "우크라이나 전쟁과 글로벌 식량위기",
      summary:
        "우크라이나 전쟁으로 곡물과 비료 공급이 차질을 빚으면서 세계 식량 가격이 급등했다. 이 글은 위기의 구조와 국제 공조 방안, 한국의 역할을 분석한다.",
      baseHits: 10870,
      body: markdown(
        section(
          "위기의 구조",
          "러시아와 우크라이나는 밀, 옥수수, 해바라기유의 주요 수출국이며 러시아는 비료 수출 대국이다. 흑해 수출길이 막히면서 수입 의존국의 부담이 커졌다.",
        ),
        section(
          "취약국에 대한 영향",
          "중동과 아프리카의 곡물 수입국은 가격 급등과 외환 부족이 겹쳐 사회 불안 위험이 높아졌다. 일부 국가의 수출 제한 조치는 위기를 증폭시켰다.",
        ),
        section(
          "국제 공조",
          "긴급 식량 지원, 수출 제한 자제, 비료 공급망 안정이 단기 과제이며, 중장기적으로는 기후 적응형 농업에 대한 투자가 필요하다.",
        ),
        section(
          "한국의 역할",
          "식량 수입국인 한국은 곡물 조달선 다변화와 함께 개발협력을 통해 취약국의 농업 생산성 향상을 지원할 수 있다.",
        ),
      ),
    },
    en: {
      title: "The War in Ukraine and the Global Food Crisis",
      summary:
        "Disruption to grain and fertiliser supplies caused by the war in Ukraine has sent world food prices soaring. This analysis examines the structure of the crisis, options for international cooperation and Korea's role.",
      baseHits: 6350,
      body: markdown(
        section(
          "How the Crisis Works",
          "Russia and Ukraine are leading exporters of wheat, maize and sunflower oil, and Russia is a major exporter of fertiliser. The closure of Black Sea routes has hit import-dependent countries hard.",
        ),
        section(
          "The Impact on Vulnerable Countries",
          "Grain importers in the Middle East and Africa face soaring prices and foreign-exchange shortages at once, raising the risk of unrest. Export bans by some producers have made things worse.",
        ),
        section(
          "International Cooperation",
          "Emergency food aid, restraint on export bans and stable fertiliser supply are the short-term priorities; in the longer run, investment in climate-resilient agriculture is needed.",
        ),
        section(
          "Korea's Role",
          "As a food importer, Korea should diversify its grain sources and use development cooperation to raise farm productivity in vulnerable countries.",
        ),
      ),
    },
  },
  {
    series: "major-issues",
    number: "2022-30",
    date: "2022-12-08",
    authors: ["SEO Yerin", "JUNG Minho"],
    topics: ["economy-trade", "energy", "climate"],
    regions: ["united-states"],
    ko: {
      title: "미국 인플레이션 감축법(IRA)의 주요 내용과 한국에 대한 함의",
      summary:
        "미국 인플레이션 감축법은 대규모 청정에너지 투자와 함께 자국 내 생산을 조건으로 한 세액공제를 도입했다. 이 글은 법의 주요 내용과 한국 산업에 미치는 영향을 분석한다.",
      baseHits: 12960,
      body: markdown(
        section(
          "법의 주요 내용",
          "이 법은 재생에너지, 전기차, 배터리, 수소 등 청정에너지 분야에 대규모 세액공제를 제공하며, 상당수 혜택이 북미 생산과 공급망 요건에 연동되어 있다.",
        ),
        section(
          "한국 산업에 대한 영향",
          "전기차 구매 세액공제 요건은 한국산 완성차에 불리하게 작용한 반면, 배터리와 태양광 기업은 미국 내 생산 확대를 통해 혜택을 누릴 수 있다.",
        ),
        section(
          "쟁점",
          "자국 생산 우대 요건은 통상 규범과의 합치성 논란을 낳고 있으며, 유럽연합 등 동맹국도 유사한 지원책으로 대응하고 있다.",
        ),
        section(
          "대응 방향",
          "정부는 세부 지침 마련 과정에서 한국 기업의 이해를 반영하도록 협의하고, 핵심광물 공급망 협력을 통해 요건 충족을 지원해야 한다.",
        ),
      ),
    },
    en: {
      title: "The U.S. Inflation Reduction Act: Key Provisions and Implications for Korea",
      summary:
        "The Inflation Reduction Act combines massive clean-energy investment with tax credits conditioned on production in North America. This analysis reviews its main provisions and their impact on Korean industry.",
      baseHits: 8120,
      body: markdown(
        section(
          "Key Provisions",
          "The act offers large tax credits for renewables, electric vehicles, batteries and hydrogen, many of them tied to North American production and supply-chain requirements.",
        ),
        section(
          "The Impact on Korean Industry",
          "The conditions on consumer credits for electric vehicles disadvantage cars made in Korea, while battery and solar firms can benefit by expanding production in the United States.",
        ),
        section(
          "Points of Contention",
          "The local-content requirements raise questions of consistency with trade rules, and allies such as the EU are responding with subsidies of their own.",
        ),
        section(
          "The Way Forward",
          "Seoul should press for Korean interests to be reflected in the implementing guidance, and help firms meet the requirements through cooperation on critical minerals.",
        ),
      ),
    },
  },
  {
    series: "major-issues",
    number: "2023-09",
    date: "2023-04-13",
    authors: ["LIM Sora"],
    topics: ["diplomacy", "development"],
    regions: ["southeast-asia"],
    // Another paper from the old platform without a file.
    attachment: false,
    ko: {
      title: "아세안 중심성과 미얀마 사태",
      summary:
        "미얀마 군부 쿠데타 이후 2년이 지났지만 아세안의 5개항 합의는 이행되지 않고 있다. 이 글은 미얀마 사태가 아세안 중심성에 던지는 도전을 분석한다.",
      baseHits: 4320,
      body: markdown(
        section("멈춰 선 5개항 합의", "폭력 중단과 포괄적 대화를 촉구한 아세안의 합의는 군부의 비협조로 사실상 진전이 없다."),
        section(
          "아세안 중심성의 시험",
          "내정 불간섭 원칙과 지역 안정 사이의 긴장이 드러나면서 아세안의 결속력과 대외적 신뢰가 시험받고 있다.",
        ),
        section(
          "국제사회와 한국",
          "한국은 아세안의 노력을 지지하면서 인도적 지원을 확대하고, 미얀마 국민을 위한 개발협력 사업의 연속성을 유지해야 한다.",
        ),
      ),
    },
    en: {
      title: "ASEAN Centrality and the Myanmar Crisis",
      summary:
        "Two years after the military coup in Myanmar, ASEAN's Five-Point Consensus remains unimplemented. This analysis examines the challenge the crisis poses to ASEAN centrality.",
      baseHits: 2780,
      body: markdown(
        section(
          "A Stalled Consensus",
          "ASEAN's call for an end to violence and for inclusive dialogue has made almost no progress because the junta will not cooperate.",
        ),
        section(
          "ASEAN Centrality on Trial",
          "The tension between non-interference and regional stability is testing ASEAN's cohesion and its credibility abroad.",
        ),
        section(
          "The World and Korea",
          "Korea should back ASEAN's efforts, expand humanitarian aid and keep its development projects for the people of Myanmar going.",
        ),
      ),
    },
  },
  {
    series: "major-issues",
    number: "2023-25",
    date: "2023-10-19",
    authors: ["BAEK Hana"],
    topics: ["security", "diplomacy"],
    regions: ["middle-east"],
    ko: {
      title: "이스라엘-하마스 전쟁과 중동 지역질서",
      summary:
        "하마스의 기습 공격과 이스라엘의 반격으로 중동 정세가 급변하고 있다. 이 글은 전쟁이 지역질서와 관계 정상화 흐름에 미칠 영향을 분석한다.",
      baseHits: 8470,
      body: markdown(
        section(
          "전쟁의 충격",
          "대규모 민간인 피해와 인질 사태는 이스라엘의 안보 인식을 근본적으로 바꾸었고, 가자 지구의 인도적 위기는 급속히 악화되고 있다.",
        ),
        section(
          "관계 정상화의 향방",
          "전쟁은 이스라엘과 아랍 국가 간 관계 정상화 흐름에 제동을 걸었다. 팔레스타인 문제를 우회한 정상화의 한계가 드러났다.",
        ),
        section(
          "확전 위험",
          "레바논과 시리아, 홍해 등으로 전선이 확대될 위험이 있으며, 이는 국제 에너지 시장과 해상 운송에도 영향을 미칠 수 있다.",
        ),
      ),
    },
    en: {
      title: "The Israel-Hamas War and the Regional Order in the Middle East",
      summary:
        "Hamas's surprise attack and Israel's response are rapidly transforming the Middle East. This analysis considers the war's effect on the regional order and on normalisation.",
      baseHits: 5910,
      body: markdown(
        section(
          "The Shock of War",
          "Mass civilian casualties and hostage-taking have transformed Israel's sense of security, and the humanitarian crisis in Gaza is deteriorating fast.",
        ),
        section(
          "What Happens to Normalisation",
          "The war has halted the normalisation of relations between Israel and Arab states, exposing the limits of normalisation that bypasses the Palestinian question.",
        ),
        section(
          "The Risk of Escalation",
          "The conflict may spread to Lebanon, Syria and the Red Sea, with consequences for energy markets and shipping.",
        ),
      ),
    },
  },
  {
    series: "major-issues",
    number: "2024-17",
    date: "2024-08-22",
    authors: ["KANG Eunji", "JUNG Minho"],
    topics: ["economy-trade", "technology"],
    regions: ["japan"],
    ko: {
      title: "일본의 경제안보 정책: 제도와 실제",
      summary:
        "일본은 경제안보추진법을 중심으로 경제안보 정책을 제도화해 왔다. 이 글은 그 체계와 운영 실태를 살펴보고 한국에 주는 시사점을 도출한다.",
      baseHits: 3960,
      body: markdown(
        section("제도의 틀", "일본의 경제안보추진법은 네 가지 축으로 구성된다."),
        section(
          "네 가지 축",
          bullets(
            "특정 중요물자의 공급망 강화",
            "기간 인프라 설비 도입의 사전 심사",
            "첨단 핵심기술 개발 지원",
            "특허 출원의 비공개 제도",
          ),
        ),
        section(
          "운영의 실제",
          "정부와 기업 간 정보 공유, 보조금 지원과 심사 제도가 결합되어 운영되고 있으며, 기밀정보 취급 자격 제도 도입으로 체계가 보완되었다.",
        ),
        section(
          "한국에 대한 시사점",
          "한국도 부처별로 흩어진 경제안보 기능을 조율하는 체계와 민관 정보 공유 장치를 정비할 필요가 있다.",
        ),
      ),
    },
    en: {
      title: "Japan's Economic Security Policy: Institutions and Practice",
      summary:
        "Japan has institutionalised economic security policy around its Economic Security Promotion Act. This analysis examines the system and how it works in practice, drawing lessons for Korea.",
      baseHits: 2540,
      body: markdown(
        section("The Framework", "Japan's Economic Security Promotion Act rests on four pillars."),
        section(
          "The Four Pillars",
          bullets(
            "Securing supply chains for specified critical products",
            "Prior screening of equipment for core infrastructure",
            "Support for developing critical advanced technologies",
            "Non-disclosure of sensitive patent applications",
          ),
        ),
        section(
          "How It Works",
          "Information-sharing between government and business is combined with subsidies and screening, and a new security-clearance system has filled a gap.",
        ),
        section(
          "Lessons for Korea",
          "Korea, too, needs a mechanism to coordinate economic-security functions scattered across ministries, and channels for sharing information between the public and private sectors.",
        ),
      ),
    },
  },
  {
    // Published in English only.
    series: "major-issues",
    number: "2025-06",
    date: "2025-03-20",
    authors: ["KWON Dohyun", "NAM Kyungsoo"],
    topics: ["technology", "economy-trade"],
    regions: ["united-states", "china"],
    en: {
      title: "Export Controls on Critical Technologies: Law and Practice",
      subtitle: "Extraterritorial Rules and the Choices of Third Countries",
      summary:
        "Export controls on chips and other critical technologies have become a central instrument of strategic competition. This analysis examines their legal basis, their extraterritorial reach and the choices they impose on third countries.",
      baseHits: 3460,
      body: markdown(
        section(
          "From Trade Tool to Strategic Instrument",
          "Export controls were once narrow instruments against proliferation. They now target whole technology sectors, with the declared aim of slowing a rival's military modernisation.",
        ),
        section(
          "Extraterritorial Reach",
          "Rules on foreign-made products that use controlled technology extend national controls to firms in third countries. Their legality under international law is disputed, but their practical force is considerable.",
        ),
        section(
          "Multilateral Coordination",
          "Controls work best when the main producers of equipment and materials act together. Coordination has grown among a small group of allies, outside the traditional multilateral regimes.",
        ),
        section(
          "Choices for Third Countries",
          "Countries with major technology industries must balance alliance commitments, market access and legal certainty. Korea should press for predictable licensing, clear rules on scope, and consultation before new measures are adopted.",
        ),
      ),
    },
  },
  {
    series: "major-issues",
    number: "2025-21",
    date: "2025-11-06",
    authors: ["RYU Jiwon", "NAM Kyungsoo"],
    topics: ["economy-trade", "diplomacy"],
    regions: ["russia", "north-korea"],
    ko: {
      title: "러시아 극동 개발과 대북 제재 이행의 과제",
      summary:
        "러시아 극동 개발 과정에서 북한 노동력 활용과 교역이 늘어나고 있다. 이 글은 그 실태와 안보리 제재 이행에 주는 과제를 검토한다.",
      baseHits: 2130,
      body: markdown(
        section(
          "극동 개발의 현주소",
          "러시아는 서방 제재 이후 극동을 아시아 시장으로 향하는 관문으로 삼고 있지만, 인력과 자본 부족이 만성적인 제약이다.",
        ),
        section(
          "북한과의 경제 연계",
          "건설과 수산 분야 등에서 북한 노동력 활용이 늘고 있다는 정황이 있으며, 이는 안보리 결의가 금지한 해외 노동자 송출과 충돌한다.",
        ),
        section(
          "제재 이행의 과제",
          "안보리 전문가 패널의 활동 종료로 감시 공백이 생겼다. 동지국 간 정보 공유와 독자적인 감시 체계 구축이 필요하다.",
        ),
      ),
    },
    en: {
      title: "The Russian Far East and the Enforcement of Sanctions on North Korea",
      summary:
        "North Korean labour and trade are growing as Russia develops its Far East. This analysis reviews the evidence and the challenges it poses for enforcing UN Security Council sanctions.",
      baseHits: 1580,
      body: markdown(
        section(
          "The Far East Today",
          "Since Western sanctions, Russia has cast its Far East as a gateway to Asian markets, but shortages of labour and capital remain chronic constraints.",
        ),
        section(
          "Economic Links with North Korea",
          "There are signs of growing use of North Korean workers in construction and fisheries, contrary to Security Council resolutions that ban sending workers abroad.",
        ),
        section(
          "Enforcement Challenges",
          "The end of the Security Council's Panel of Experts has left a monitoring gap. Like-minded states need to share information and build their own monitoring arrangements.",
        ),
      ),
    },
  },
  {
    series: "major-issues",
    number: "2026-05",
    date: "2026-04-09",
    featured: true,
    authors: ["SEO Yerin", "BAEK Hana"],
    topics: ["energy", "climate"],
    regions: ["middle-east"],
    ko: {
      title: "걸프 국가들과의 수소 협력",
      summary:
        "걸프 산유국들은 풍부한 재생에너지와 자본을 바탕으로 청정 수소 수출국을 꿈꾸고 있다. 이 글은 협력의 기회와 위험을 검토한다.",
      baseHits: 1690,
      body: markdown(
        section(
          "걸프의 수소 전략",
          "사우디아라비아, 아랍에미리트, 오만 등은 대규모 태양광과 풍력을 활용한 청정 수소·암모니아 생산 계획을 추진하고 있다.",
        ),
        section("협력의 기회", "수소 수요국인 한국은 장기 구매 계약과 운송·저장 기술, 발전 분야 실증 사업으로 협력할 수 있다."),
        section(
          "위험 요인",
          "높은 생산 비용, 인증 기준의 불확실성, 해상 운송로의 안보 위험은 사업의 수익성을 떨어뜨릴 수 있다. 국제 인증 체계 논의에 적극 참여해야 한다.",
        ),
      ),
    },
    en: {
      title: "Hydrogen Partnerships with the Gulf States",
      summary:
        "With abundant renewable energy and capital, the Gulf oil producers aim to become exporters of clean hydrogen. This analysis weighs the opportunities and risks of cooperation.",
      baseHits: 1120,
      body: markdown(
        section(
          "The Gulf's Hydrogen Plans",
          "Saudi Arabia, the United Arab Emirates and Oman are pursuing large projects to produce clean hydrogen and ammonia from solar and wind power.",
        ),
        section(
          "Opportunities for Cooperation",
          "As a future importer, Korea can cooperate through long-term offtake contracts, transport and storage technology, and demonstration projects in power generation.",
        ),
        section(
          "Risks",
          "High production costs, uncertain certification standards and security risks to sea lanes could erode returns. Korea should take an active part in the debate on international certification.",
        ),
      ),
    },
  },
];
