# py
py-array-ragged = 배열의 원소 자리에 길이가 다른 시퀀스가 있습니다: { $depth }번째 차원부터 모양이 고르지 않습니다. 각 행의 길이를 맞추세요.
py-array-element = 배열에는 수, 불리언, 또는 그것들의 리스트·튜플만 담을 수 있습니다 (받은 것: { $kind })
py-broadcast = 모양 { $a } 와 { $b } 는 브로드캐스트할 수 없습니다: 뒤쪽 차원부터 같거나 1이어야 합니다
py-slice-index = 슬라이스의 경계와 간격은 정수나 None이어야 합니다 (받은 것: { $kind })
py-slice-step-zero = 슬라이스의 간격은 0일 수 없습니다
