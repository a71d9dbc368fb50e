# py_format
py-fmt-too-long = the formatted text would be too long (over 2^28 characters)
py-fmt-unknown-code = Unknown format code '{ $code }' for object of type '{ $kind }'
py-fmt-too-many-digits = Too many decimal digits in format string
py-fmt-both-separators = Cannot specify both ',' and '_'.
py-fmt-missing-precision = Format specifier missing precision
py-fmt-invalid-spec = Invalid format specifier '{ $spec }' for object of type '{ $kind }'
py-fmt-separator-type = Cannot specify '{ $sep }' with '{ $code }'.
py-fmt-str-sign = Sign not allowed in string format specifier
py-fmt-str-z = Negative zero coercion (z) not allowed in string format specifier
py-fmt-str-alt = Alternate form (#) not allowed in string format specifier
py-fmt-str-align = '=' alignment not allowed in string format specifier
py-fmt-int-precision = Precision not allowed in integer format specifier
py-fmt-int-z = Negative zero coercion (z) not allowed in integer format specifier
py-fmt-char-sign = Sign not allowed with integer format specifier 'c'
py-fmt-char-alt = Alternate form (#) not allowed with integer format specifier 'c'
py-fmt-char-range = %c arg not in range(0x110000)
py-fmt-unsupported = unsupported format string passed to { $kind }.__format__
py-fmt-not-enough = not enough arguments for format string
py-fmt-not-all = not all arguments converted during string formatting
py-fmt-nan-int = cannot convert float NaN to integer
py-fmt-inf-int = cannot convert float infinity to integer
py-fmt-need-real = %{ $code } format: a real number is required, not { $kind }
py-fmt-need-int = %{ $code } format: an integer is required, not { $kind }
py-fmt-need-float = must be real number, not { $kind }
py-fmt-need-mapping = format requires a mapping
py-fmt-incomplete = incomplete format
py-fmt-incomplete-key = incomplete format key
py-fmt-key = { $key }
py-fmt-star-int = * wants int
py-fmt-char-arg = %c requires int or char
py-fmt-bad-char = unsupported format character '{ $ch }' ({ $hex }) at index { $index }

# str methods (src/py/strings.rs)
py-str-too-long = the resulting string would be too long (over 2^28 characters)
py-str-not-int = '{ $kind }' object cannot be interpreted as an integer
py-str-slice-index = slice indices must be integers or None or have an __index__ method
py-str-index-type = string indices must be integers, not '{ $kind }'
py-str-index-range = string index out of range
py-str-no-kw = str.{ $name }() takes no keyword arguments
py-str-no-args = str.{ $name }() takes no arguments ({ $given } given)
py-str-one-arg = str.{ $name }() takes exactly one argument ({ $given } given)
py-str-expected-at-least = { $name } expected at least { $min } { $min ->
        [1] argument
       *[other] arguments
    }, got { $given }
py-str-expected-at-most = { $name } expected at most { $max } { $max ->
        [1] argument
       *[other] arguments
    }, got { $given }
py-str-takes-at-least = { $name }() takes at least { $min } { $min ->
        [1] argument
       *[other] arguments
    } ({ $given } given)
py-str-takes-at-most = { $name }() takes at most { $max } { $max ->
        [1] argument
       *[other] arguments
    } ({ $given } given)
py-str-bad-kw = '{ $kw }' is an invalid keyword argument for { $name }()
py-str-kw-and-pos = argument for { $name }() given by name ('{ $kw }') and position ({ $index })
py-str-must-be-str = must be str, not { $kind }
py-str-str-or-none = must be str or None, not { $kind }
py-str-replace-arg = replace() argument { $index } must be str, not { $kind }
py-str-affix-arg = { $name }() argument must be str, not { $kind }
py-str-fill-len = The fill character must be exactly one character long
py-str-fill-type = The fill character must be a unicode character, not { $kind }
py-str-join-iterable = can only join an iterable
py-str-join-item = sequence item { $index }: expected str instance, { $kind } found
py-str-empty-sep = empty separator
py-str-prefix-tuple = tuple for { $name } must only contain str, not { $kind }
py-str-prefix-type = { $name } first arg must be str or a tuple of str, not { $kind }
py-str-strip-arg = { $name } arg must be None or str
py-str-not-found = substring not found
py-str-no-attr = '{ $kind }' object has no attribute '{ $name }'
py-str-bad-conversion = Unknown conversion specifier { $conv }
py-str-max-recursion = Max string recursion exceeded
py-str-single-open = Single '{"{"}' encountered in format string
py-str-single-close = Single '{"}"}' encountered in format string
py-str-brace-in-name = unexpected '{"{"}' in field name
py-str-end-conversion = end of string while looking for conversion specifier
py-str-expected-colon = expected ':' after conversion specifier
py-str-unmatched-spec = unmatched '{"{"}' in format spec
py-str-expected-close = expected '{"}"}' before end of string
py-str-manual-to-auto = cannot switch from manual field specification to automatic field numbering
py-str-auto-to-manual = cannot switch from automatic field numbering to manual field specification
py-str-empty-attr = Empty attribute in format string
py-str-missing-bracket = Missing ']' in format string
py-str-after-bracket = Only '.' or '[' may follow ']' in format field specifier
py-str-key = { $key }
py-str-replacement-index = Replacement index { $index } out of range for positional args tuple
py-str-seq-index-range = { $kind } index out of range
py-str-seq-index-type = { $kind } indices must be integers or slices, not str
py-str-not-subscriptable = '{ $kind }' object is not subscriptable
