import type { SeedPaper } from "../../types";
import { markdown, section } from "../markdown";

export const perspectives2025to2026: readonly SeedPaper[] = [
  {
    series: "ifans-perspectives",
    number: "2025-02",
    date: "2025-01-23",
    authors: ["PARK Jiyoung"],
    topics: ["diplomacy", "security", "economy-trade"],
    regions: ["united-states"],
    ko: {
      title: "트럼프 2기 행정부와 한미동맹",
      summary:
        "트럼프 2기 행정부의 출범으로 동맹 운영 방식과 통상 환경에 큰 변화가 예상된다. 이 글은 주요 쟁점과 한국의 선택지를 검토한다.",
      baseHits: 14230,
      body: markdown(
        section(
          "다시 미국 우선",
          "새 행정부는 동맹을 비용과 편익의 관점에서 평가하고 양자 협상을 선호할 것이다. 정책 결정이 정상 중심으로 이뤄질 가능성도 크다.",
        ),
        section(
          "동맹의 분담",
          "방위비 분담과 주한미군의 역할을 둘러싼 압박이 커질 수 있다. 한국은 동맹에 대한 기여를 국방비, 조선·방산 협력 등 구체적 수치와 사업으로 설명할 준비를 해야 한다.",
        ),
        section(
          "통상과 관세",
          "보편 관세와 대중국 견제 조치가 한국 수출에 직접 영향을 미칠 것이다. 대미 투자의 성과를 협상 자산으로 삼는 전략이 필요하다.",
        ),
        section(
          "한국의 선택",
          "한국은 조기에 정상 간 신뢰를 구축하고, 북핵 문제에서 한국을 배제한 협상이 이뤄지지 않도록 긴밀한 공조 체계를 마련해야 한다.",
        ),
      ),
    },
    en: {
      title: "The Second Trump Administration and the Korea-U.S. Alliance",
      summary:
        "The second Trump administration is expected to change how the alliance is run and the terms of trade. This paper reviews the main issues and Korea's options.",
      baseHits: 9860,
      body: markdown(
        section(
          "America First, Again",
          "The new administration will judge alliances by costs and benefits and prefer bilateral bargaining. Decisions are likely to be concentrated at the leaders' level.",
        ),
        section(
          "Sharing the Burden",
          "Pressure may grow over cost-sharing and the role of U.S. forces in Korea. Seoul should be ready to present its contribution in concrete figures and projects, from defence spending to shipbuilding and defence-industrial cooperation.",
        ),
        section(
          "Trade and Tariffs",
          "Universal tariffs and measures aimed at China will affect Korean exports directly. Korea's investment in the United States should be used as a bargaining asset.",
        ),
        section(
          "Korea's Choices",
          "Korea should build trust between the leaders early and set up close coordination so that no deal on North Korea's nuclear programme is struck without it.",
        ),
      ),
    },
  },
  {
    series: "ifans-perspectives",
    number: "2025-08",
    date: "2025-04-17",
    authors: ["KWON Dohyun", "MOON Seoyeon"],
    topics: ["technology", "diplomacy"],
    regions: ["united-states", "europe"],
    ko: {
      title: "인공지능 거버넌스와 중견국 외교",
      summary:
        "인공지능 규범을 둘러싼 국제 논의가 분절되고 있다. 이 글은 중견국이 기여할 수 있는 영역을 찾고 한국의 의제를 제안한다.",
      baseHits: 6240,
      body: markdown(
        section(
          "분절된 지형",
          "유럽연합의 포괄적 규제, 미국의 산업 주도 접근, 중국의 국가 통제형 모델이 병존하면서 단일한 국제 규범의 형성은 요원하다.",
        ),
        section(
          "중견국의 역할",
          "중견국은 안전성 평가 기준, 개발도상국의 역량 강화, 군사적 이용에 관한 신뢰구축 조치 등 강대국이 합의하기 어려운 영역에서 가교 역할을 할 수 있다.",
        ),
        section(
          "한국의 의제",
          "한국은 반도체와 디지털 인프라 역량을 바탕으로 안전 연구 네트워크를 주도하고, 인공지능 정상회의 등 다자 협의의 연속성을 뒷받침해야 한다.",
        ),
      ),
    },
    en: {
      title: "AI Governance and Middle-Power Diplomacy",
      summary:
        "International discussion of rules for artificial intelligence is fragmenting. This paper identifies where middle powers can contribute and proposes an agenda for Korea.",
      baseHits: 4720,
      body: markdown(
        section(
          "A Fragmented Landscape",
          "The EU's comprehensive regulation, the industry-led American approach and China's state-controlled model coexist, and a single international regime is far off.",
        ),
        section(
          "Where Middle Powers Matter",
          "Middle powers can build bridges where the great powers struggle to agree: standards for safety evaluation, capacity-building for developing countries and confidence-building measures on military uses.",
        ),
        section(
          "An Agenda for Korea",
          "Drawing on its strengths in chips and digital infrastructure, Korea should help lead networks of safety research and support continuity in multilateral processes such as the AI summits.",
        ),
      ),
    },
  },
  {
    series: "ifans-perspectives",
    number: "2025-13",
    date: "2025-07-10",
    authors: ["LIM Sora"],
    topics: ["diplomacy", "economy-trade"],
    regions: ["southeast-asia", "china"],
    ko: {
      title: "미중 경쟁 속 아세안의 헤징 전략",
      summary:
        "아세안 국가들은 미중 어느 쪽에도 치우치지 않으려는 헤징을 이어가고 있다. 이 글은 그 양상과 한국의 대아세안 정책 과제를 살핀다.",
      baseHits: 5380,
      body: markdown(
        section(
          "헤징의 논리",
          "아세안은 경제적으로 중국에, 안보적으로 미국에 의존하는 이중 구조 속에서 선택을 강요받지 않는 것을 최우선 목표로 삼는다.",
        ),
        section(
          "국가별 차이",
          "남중국해 분쟁 당사국과 대륙부 국가 사이에 위협 인식의 차이가 크며, 이는 아세안의 공동 입장을 어렵게 한다.",
        ),
        section(
          "한국의 과제",
          "한국은 진영 논리를 앞세우기보다 인프라, 디지털, 인적 교류 등 아세안이 원하는 협력을 꾸준히 제공하는 신뢰할 수 있는 파트너가 되어야 한다.",
        ),
      ),
    },
    en: {
      title: "ASEAN's Hedging amid U.S.-China Rivalry",
      summary:
        "Southeast Asian states continue to hedge between the United States and China. This paper examines how they do so and what it means for Korea's ASEAN policy.",
      baseHits: 4150,
      body: markdown(
        section(
          "The Logic of Hedging",
          "Dependent on China for trade and on the United States for security, ASEAN's first aim is never to be forced to choose.",
        ),
        section(
          "Differences among Members",
          "Threat perceptions differ widely between the claimants in the South China Sea and the mainland states, which makes common ASEAN positions hard to reach.",
        ),
        section(
          "Tasks for Korea",
          "Rather than leading with bloc politics, Korea should be a reliable partner that steadily offers what ASEAN wants: infrastructure, digital cooperation and exchanges between people.",
        ),
      ),
    },
  },
  {
    series: "ifans-perspectives",
    number: "2025-19",
    date: "2025-10-30",
    authors: ["JUNG Minho", "CHO Hyejin"],
    topics: ["economy-trade", "diplomacy"],
    regions: ["united-states", "china"],
    ko: {
      title: "2025 경주 APEC과 역내 경제협력의 미래",
      summary:
        "보호무역 기조가 확산되는 가운데 한국이 의장국으로 APEC을 개최했다. 이 글은 역내 경제협력의 과제와 의장국 외교의 의미를 짚는다.",
      baseHits: 3870,
      body: markdown(
        section(
          "흔들리는 개방 질서",
          "관세 인상과 공급망 블록화로 APEC이 내세워 온 자유롭고 개방된 무역 투자라는 목표가 시험대에 올랐다.",
        ),
        section(
          "의장국의 역할",
          "한국은 인공지능, 인구 구조 변화, 디지털 전환 등 회원국 모두가 공감할 의제를 통해 대립 속에서도 협력의 공간을 넓히고자 했다.",
        ),
        section(
          "향후 과제",
          "APEC의 비구속적 성격을 살려 규범 실험의 장으로 활용하고, 주요국 정상 간 대화의 기회로 삼는 것이 중요하다.",
        ),
      ),
    },
    en: {
      title: "APEC 2025 in Gyeongju and the Future of Regional Economic Cooperation",
      summary:
        "Korea hosted APEC as protectionism spread. This paper considers the tasks facing regional economic cooperation and what chairing the forum meant for Korean diplomacy.",
      baseHits: 2940,
      body: markdown(
        section(
          "An Open Order under Strain",
          "Rising tariffs and the splitting of supply chains into blocs are testing APEC's long-standing goal of free and open trade and investment.",
        ),
        section(
          "The Role of the Chair",
          "Korea sought to widen the space for cooperation through issues every member shares, such as artificial intelligence, demographic change and digital transformation.",
        ),
        section(
          "The Road Ahead",
          "APEC's non-binding nature makes it a place to experiment with rules, and an occasion for dialogue between the leaders of major powers.",
        ),
      ),
    },
  },
  {
    series: "ifans-perspectives",
    number: "2026-03",
    date: "2026-02-12",
    authors: ["SEO Yerin"],
    topics: ["climate", "energy", "diplomacy"],
    regions: ["europe"],
    ko: {
      title: "COP30 이후의 기후외교",
      summary:
        "파리협정 10년을 맞아 열린 COP30은 이행의 시대를 강조했다. 이 글은 기후 재원과 감축 목표를 둘러싼 쟁점을 정리하고 한국의 기후외교 방향을 제시한다.",
      baseHits: 2610,
      body: markdown(
        section(
          "이행의 시대",
          "각국의 새 감축 목표는 1.5도 목표에 크게 못 미친다. 논의의 초점은 목표 설정에서 이행과 재원 마련으로 옮겨가고 있다.",
        ),
        section(
          "기후 재원",
          "선진국과 개발도상국은 재원의 규모와 분담을 두고 여전히 이견을 보이며, 다자개발은행 개혁과 민간 재원 동원이 핵심 쟁점이다.",
        ),
        section(
          "한국의 방향",
          "한국은 녹색기후기금 유치국으로서 신뢰를 바탕으로 재원 설계 논의에 기여하고, 청정에너지 기술 협력으로 개발도상국의 전환을 지원해야 한다.",
        ),
      ),
    },
    en: {
      title: "Climate Diplomacy after COP30",
      summary:
        "COP30, held ten years after the Paris Agreement, stressed an era of implementation. This paper sets out the disputes over climate finance and targets and proposes directions for Korea's climate diplomacy.",
      baseHits: 1980,
      body: markdown(
        section(
          "An Era of Implementation",
          "New national targets fall well short of the 1.5-degree goal. Attention is moving from setting targets to implementing them and paying for it.",
        ),
        section(
          "Climate Finance",
          "Developed and developing countries still disagree on the size and sharing of finance; reform of the multilateral development banks and mobilising private money are the central issues.",
        ),
        section(
          "Directions for Korea",
          "As host of the Green Climate Fund, Korea can use the trust it enjoys to help design finance mechanisms, and support developing countries' transitions through clean-energy technology cooperation.",
        ),
      ),
    },
  },
  {
    series: "ifans-perspectives",
    number: "2026-09",
    date: "2026-06-18",
    featured: true,
    authors: ["CHOI Wooseon", "RYU Jiwon"],
    topics: ["security", "diplomacy"],
    regions: ["russia", "north-korea"],
    ko: {
      title: "북러 조약 2년: 군사협력의 중간 평가",
      summary:
        "북러 조약 체결 2년을 맞아 양국 군사협력의 실제와 한계를 평가한다. 협력의 제도화 수준과 한반도 안보에 미치는 영향을 중심으로 살펴본다.",
      baseHits: 4980,
      body: markdown(
        section(
          "협력의 실제",
          "탄약과 병력 지원을 계기로 시작된 협력은 군사 교류, 기술 협력, 경제 교류로 확대되어 왔다. 양국은 협력을 정례화하는 기구를 늘리고 있다.",
        ),
        section(
          "한계와 변수",
          "러시아가 민감 기술 이전에 어디까지 나설지, 전쟁 이후에도 북한의 가치가 유지될지는 여전히 불확실하다. 중국의 태도도 중요한 변수다.",
        ),
        section(
          "한반도 안보에 대한 영향",
          "북한의 실전 경험과 무기 성능 개선은 한국의 억제 계획에 새로운 과제를 던진다. 동맹국 및 유럽과의 정보 공유를 강화해야 한다.",
        ),
        section(
          "정책 제언",
          "한국은 대러 소통 채널을 유지하면서도 기술 이전에 대한 레드라인을 분명히 하고, 국제사회의 제재 이행 공조를 주도해야 한다.",
        ),
      ),
    },
    en: {
      title: "Two Years of the North Korea-Russia Treaty: A Mid-Term Assessment of Military Cooperation",
      summary:
        "Two years after the North Korea-Russia treaty, this paper assesses what the two countries' military cooperation has delivered and where it stops, focusing on how institutionalised it has become and its effect on security on the Korean Peninsula.",
      baseHits: 3760,
      body: markdown(
        section(
          "Cooperation in Practice",
          "What began with munitions and troops has broadened into military exchanges, technical cooperation and trade. The two sides keep adding bodies that make cooperation routine.",
        ),
        section(
          "Limits and Variables",
          "How far Russia will go in sharing sensitive technology, and whether North Korea will still matter to Moscow after the war, remain uncertain. China's attitude is another key variable.",
        ),
        section(
          "Effects on Peninsula Security",
          "North Korea's combat experience and improved weapons pose new problems for Korea's deterrence planning. Intelligence sharing with allies and European partners must deepen.",
        ),
        section(
          "Recommendations",
          "Korea should keep channels to Moscow open while drawing clear red lines on technology transfer, and lead international coordination on enforcing sanctions.",
        ),
      ),
    },
  },
  {
    series: "ifans-perspectives",
    number: "2026-15",
    date: "2026-10-08",
    authors: ["HWANG Inseong", "JUNG Minho"],
    topics: ["economy-trade", "energy", "technology"],
    regions: ["china", "southeast-asia"],
    ko: {
      title: "핵심광물 공급망과 회복력",
      summary:
        "핵심광물의 생산과 정제가 소수 국가에 집중되면서 공급망 위험이 커지고 있다. 이 글은 주요국의 대응을 비교하고 한국의 전략을 제안한다.",
      baseHits: 1240,
      body: markdown(
        section(
          "집중의 위험",
          "리튬, 흑연, 희토류 등의 정제 단계는 특정 국가에 크게 집중되어 있으며, 수출통제가 외교적 수단으로 쓰이는 사례가 늘고 있다.",
        ),
        section(
          "주요국의 대응",
          "미국과 유럽연합, 일본은 비축, 공동 투자, 광물안보 파트너십을 통해 공급선을 넓히고 있다. 동남아와 아프리카 생산국은 현지 가공을 요구하고 있다.",
        ),
        section(
          "한국의 전략",
          "한국은 생산국의 부가가치 요구에 부응하는 투자 모델과 재활용 기술, 동지국과의 공동 비축을 결합한 다층적 전략을 마련해야 한다.",
        ),
      ),
    },
    en: {
      title: "Critical Minerals and Supply Chain Resilience",
      summary:
        "The concentration of mining and refining of critical minerals in a few countries is raising supply-chain risk. This paper compares how major economies are responding and proposes a strategy for Korea.",
      baseHits: 860,
      body: markdown(
        section(
          "The Risk of Concentration",
          "Refining of lithium, graphite and rare earths is heavily concentrated, and export controls are increasingly used as diplomatic tools.",
        ),
        section(
          "How Others Respond",
          "The United States, the EU and Japan are widening supply through stockpiles, joint investment and minerals-security partnerships. Producers in Southeast Asia and Africa are pressing for processing at home.",
        ),
        section(
          "A Strategy for Korea",
          "Korea needs a layered strategy: investment models that meet producers' demands for added value, recycling technology and joint stockpiling with like-minded partners.",
        ),
      ),
    },
  },
  {
    // Not public: an editor's work in progress (tests check readers never see it).
    series: "ifans-perspectives",
    number: "2026-18",
    date: "2026-12-10",
    status: "draft",
    attachment: false,
    authors: ["CHO Hyejin"],
    topics: ["development", "diplomacy"],
    regions: ["southeast-asia"],
    en: {
      title: "Korea's Development Cooperation Strategy toward 2030",
      summary: "Draft: how Korea can make its development cooperation more strategic as its budget grows. For internal review.",
      baseHits: 0,
      body: markdown(
        section(
          "Where Korea Stands",
          "Korea's official development assistance has grown quickly, but projects remain scattered across many countries and sectors.",
        ),
        section(
          "Choosing Priorities",
          "Concentrating on fewer partner countries and on areas of Korean strength, such as digital government and health systems, would raise impact.",
        ),
        section("Next Steps", "To be completed after consultation with the implementing agencies."),
      ),
    },
  },
];
