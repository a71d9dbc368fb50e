//! The text of `:help` and `:help LAYER`, in Korean and English. The layer pages end with the
//! layer's Rust source as compiled into this binary, so the learner reads the code they just ran.

use crate::i18n::Lang;
use crate::layers;

/// `:help`: a short language reference with examples that run as typed.
pub fn overview(lang: Lang) -> &'static str {
    lang.pick(OVERVIEW_KO, OVERVIEW_EN)
}

/// The names `:help NAME` knows.
pub const TOPICS: [&str; 8] = ["add", "mul", "relu", "sigmoid", "exp", "div", "neg", "sub"];

/// `:help LAYER`: the forward and backward rule, what forward caches, and the source.
pub fn layer(topic: &str, lang: Lang) -> Option<String> {
    let (file, ko, en) = match topic {
        "add" | "+" => ("add", ADD_KO, ADD_EN),
        "mul" | "*" => ("mul", MUL_KO, MUL_EN),
        "relu" => ("relu", RELU_KO, RELU_EN),
        "sigmoid" => ("sigmoid", SIGMOID_KO, SIGMOID_EN),
        "exp" => ("exp", EXP_KO, EXP_EN),
        "div" | "/" => ("div", DIV_KO, DIV_EN),
        "neg" => ("neg", NEG_KO, NEG_EN),
        "sub" | "-" => ("sub", SUB_KO, SUB_EN),
        _ => return None,
    };
    let source = layers::source(file)?;
    let heading = lang.pick(
        "소스 코드 (이 프로그램에 컴파일된 그대로)",
        "Source (as compiled into this program)",
    );
    Some(format!(
        "{}\n{heading}: src/layers/{file}.rs\n\n{source}",
        lang.pick(ko, en)
    ))
}

const OVERVIEW_EN: &str = "\
The language (each line prints its result unless it ends in ';'):
  x = [[1.0, -0.5], [-2.0, 3.3]]    bind a name; arrays nest with [ ]
  r = relu(x)                       a layer call builds a node of the graph
  x <= 0                            comparisons give boolean arrays (the mask)
  back r ones                       backward from r, with dout = ones (the default)
  back price 1                      ... or with any dout of r's shape
  grad(x)   dx                      the gradient of x from the last back
  mask(r)                           the mask the ReLU that made r cached
  graph price                       draw the graph that made price (--dot [FILE] for Graphviz)
  step price 1                      the backward pass one node at a time
  check y                           compare back with central differences (h = 1e-4)

Operators: -x, * /, + -, < <= > >= == !=  (numpy's precedence; arrays broadcast like numpy)
Functions: relu sigmoid exp add mul ones(2, 3) zeros(2, 3) ones_like(x) randn(2, 3) grad mask

Try:
  apple = 100; n = 2; tax = 1.1
  price = apple * n * tax
  back price 1

Commands: :help [LAYER]  :vars  :reset  :lessons  :lesson [NAME]  :next  :prev
          :lang ko|en  :color on|off  :seed N  :quit
Layers with their own page: :help add | mul | relu | sigmoid | exp | div | neg | sub
";

const OVERVIEW_KO: &str = "\
언어 (';'로 끝나지 않은 줄은 결과를 출력합니다):
  x = [[1.0, -0.5], [-2.0, 3.3]]    이름에 값을 묶습니다. 배열은 [ ]로 중첩합니다
  r = relu(x)                       계층을 호출하면 계산 그래프에 노드가 생깁니다
  x <= 0                            비교는 bool 배열(마스크)을 만듭니다
  back r ones                       r에서 역전파합니다. dout은 ones(기본값)
  back price 1                      ... 또는 r과 같은 모양의 아무 dout
  grad(x)   dx                      마지막 back에서 구한 x의 기울기
  mask(r)                           r을 만든 ReLU 계층이 저장한 마스크
  graph price                       price를 만든 계산 그래프를 그립니다 (--dot [FILE]: Graphviz)
  step price 1                      역전파를 노드 하나씩 따라갑니다
  check y                           back의 기울기를 수치 미분(중심 차분, h = 1e-4)과 비교합니다 (기울기 확인)

연산자: -x, * /, + -, < <= > >= == !=  (numpy와 같은 우선순위, numpy처럼 브로드캐스트)
함수: relu sigmoid exp add mul ones(2, 3) zeros(2, 3) ones_like(x) randn(2, 3) grad mask

해 보세요:
  apple = 100; n = 2; tax = 1.1
  price = apple * n * tax
  back price 1

명령: :help [계층]  :vars  :reset  :lessons  :lesson [이름]  :next  :prev
      :lang ko|en  :color on|off  :seed N  :quit
계층별 도움말: :help add | mul | relu | sigmoid | exp | div | neg | sub
";

const ADD_EN: &str = "\
add — AddLayer (x + y, add(x, y))
  forward:  out = x + y                 caches: nothing
  backward: dx = dout * 1, dy = dout * 1  (addition passes dout through unchanged)
  A broadcast input receives the sum of dout over the cells it was copied to.";
const ADD_KO: &str = "\
add — 덧셈 계층 AddLayer (x + y, add(x, y))
  순전파: out = x + y                  저장하는 것: 없음
  역전파: dx = dout * 1, dy = dout * 1   (덧셈 노드는 dout을 그대로 흘려보냅니다)
  브로드캐스트된 입력은 복사된 칸들의 dout을 모두 더한 값을 받습니다.";
const MUL_EN: &str = "\
mul — MulLayer (x * y, mul(x, y))
  forward:  out = x * y                 caches: x and y
  backward: dx = dout * y, dy = dout * x  (the inputs swap)";
const MUL_KO: &str = "\
mul — 곱셈 계층 MulLayer (x * y, mul(x, y))
  순전파: out = x * y                  저장하는 것: x와 y
  역전파: dx = dout * y, dy = dout * x   (입력을 서로 바꿔 곱합니다)";
const RELU_EN: &str = "\
relu — Relu (relu(x))
  forward:  mask = (x <= 0); out = x with the masked cells set to 0   caches: mask
  backward: dx = dout with the masked cells set to 0
  At exactly 0 the gradient is 0, because the mask uses x <= 0.
  The book's Python writes into the caller's dout; this layer copies it first.";
const RELU_KO: &str = "\
relu — ReLU 계층 Relu (relu(x))
  순전파: mask = (x <= 0); out은 x에서 마스크된 칸을 0으로 바꾼 것   저장하는 것: mask
  역전파: dx는 dout에서 마스크된 칸을 0으로 바꾼 것
  x가 정확히 0이면 기울기는 0입니다. 마스크가 x <= 0이기 때문입니다.
  책의 파이썬 코드는 받은 dout을 직접 고치지만, 이 계층은 복사본을 고칩니다.";
const SIGMOID_EN: &str = "\
sigmoid — Sigmoid (sigmoid(x))
  forward:  out = 1 / (1 + exp(-x))     caches: out
  backward: dx = dout * (1 - out) * out  (only the output is needed)";
const SIGMOID_KO: &str = "\
sigmoid — Sigmoid 계층 (sigmoid(x))
  순전파: out = 1 / (1 + exp(-x))      저장하는 것: out
  역전파: dx = dout * (1 - out) * out   (순전파의 출력만 있으면 됩니다)";
const EXP_EN: &str = "\
exp — the exp node (exp(x))
  forward:  out = exp(x)                caches: out
  backward: dx = dout * out             (exp is its own derivative)";
const EXP_KO: &str = "\
exp — exp 노드 (exp(x))
  순전파: out = exp(x)                 저장하는 것: out
  역전파: dx = dout * out              (exp의 미분은 자기 자신입니다)";
const DIV_EN: &str = "\
div — division (x / y)
  forward:  out = x / y                 caches: x and y
  backward: dx = dout / y, dy = -dout * x / y**2
  With x = 1 this is the book's '/' node: multiply dout by -out**2.";
const DIV_KO: &str = "\
div — 나눗셈 (x / y)
  순전파: out = x / y                  저장하는 것: x와 y
  역전파: dx = dout / y, dy = -dout * x / y**2
  x = 1이면 책의 '/' 노드입니다: dout에 -out**2를 곱합니다.";
const NEG_EN: &str = "\
neg — negation (-x), the book's ×(−1) node
  forward:  out = -x                    caches: nothing
  backward: dx = -dout                  (the sign flips)";
const NEG_KO: &str = "\
neg — 부호 반전 (-x), 책의 ×(−1) 노드
  순전파: out = -x                     저장하는 것: 없음
  역전파: dx = -dout                   (부호가 바뀝니다)";
const SUB_EN: &str = "\
sub — subtraction (x - y)
  forward:  out = x - y                 caches: nothing
  backward: dx = dout, dy = -dout";
const SUB_KO: &str = "\
sub — 뺄셈 (x - y)
  순전파: out = x - y                  저장하는 것: 없음
  역전파: dx = dout, dy = -dout";
