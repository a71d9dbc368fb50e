# picture

## graph NAME
# The word `grad` in front of a gradient is not here: it is what grad(x) is called, a label of
# the language that pictures keep in every language, like the layers' names (mul, relu).
picture-gone = (이 값은 이제 그래프에 없습니다)
picture-no-gradients = (아직 기울기가 없습니다: back { JOSA($name, "을") } 실행한 다음 graph { JOSA($name, "을") } 다시 입력하세요)
# After the title of a value drawn a second time: "x (다시)".
picture-again = (다시)
# A gradient that is the sum of more uses than the picture writes out: "grad 5.0, 5곳에서 받은 기울기의 합".
picture-sum-over = {$total}, {$count}곳에서 받은 기울기의 합

## Under the drawing, for each value used more than once: "x는 2번 쓰입니다: grad 3.0 + 3.0 = 6.0"
# $uses is one of the picture-used messages, $grad the gradient after the label grad.
picture-note = { JOSA($name, "은") } {$uses}: {$grad}
picture-used = {$times} 쓰입니다
picture-used-outside = 이 그림 밖에서 {$times} 쓰입니다
picture-used-both = 여기서 {$here}, 다른 곳에서 {$elsewhere} 쓰입니다
picture-times = {$count ->
    [1] 한 번
   *[other] {$count}번
}

## The tree view of a large graph
picture-more-nodes = … 노드 {$count}개 더
picture-shown-above = (*) 위에 이미 나온 노드
# After a value expanded in the numbered section $number.
picture-see = ([{$number}] 참고)
# After a value whose inputs continue in the numbered section $number.
picture-continued = … [{$number}]에서 이어짐
