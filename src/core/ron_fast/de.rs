//! The serde `Deserializer` over [`Lexer`] tokens. Each method mirrors what `ron` 0.12 does
//! for the same call (which calls skip whitespace, which ones count against the nesting
//! limit, which visitor method receives a value), so that whatever is accepted here gives
//! the value `ron` would give; every other case is an error.

use std::fmt;

use serde::de::{self, DeserializeSeed, Visitor};

use super::lexer::{Lexer, Number, Str};
use super::{Error, Options, TextError};

type Result<T> = std::result::Result<T, Error>;

pub(super) struct Deserializer<'de> {
    pub lex: Lexer<'de>,
    /// Nesting levels left; `ron` counts the same places (`guard_recursion!`).
    depth_left: usize,
    implicit_some: bool,
}

/// Runs `$body` one nesting level down, failing where `ron` would exceed its limit.
macro_rules! nested {
    ($de:expr => $body:expr) => {{
        $de.depth_left = $de.depth_left.checked_sub(1).ok_or_else(|| Error::from(TextError::TooDeep))?;
        let value = $body?;
        $de.depth_left += 1;
        value
    }};
}

impl<'de> Deserializer<'de> {
    pub fn new(text: &'de str, options: Options) -> Deserializer<'de> {
        Deserializer {
            lex: Lexer::new(text),
            depth_left: options.recursion_limit,
            implicit_some: options.implicit_some,
        }
    }

    #[cold]
    fn unsupported(&self, what: &'static str) -> Error {
        self.lex.error(what)
    }

    /// `ron`'s `comma()`: optional whitespace, an optional comma, whitespace.
    #[inline]
    fn comma(&mut self) -> Result<bool> {
        self.lex.skip_ws()?;
        let comma = self.lex.eat(b',');
        if comma {
            self.lex.skip_ws()?;
        }
        Ok(comma)
    }

    /// The closing bracket after a comma-separated body.
    fn close(&mut self, close: u8) -> Result<()> {
        self.lex.skip_ws()?;
        self.lex.expect(close, "a closing bracket")
    }

    /// A comma-separated body between `open` and `close`, one nesting level down, read by
    /// `read` (which gets the body's [`Access`]).
    fn bracketed<T>(
        &mut self,
        (open, close): (u8, u8),
        keys: Keys,
        read: impl FnOnce(Access<'_, 'de>) -> Result<T>,
    ) -> Result<T> {
        self.lex.expect(open, "an opening bracket")?;
        let value = nested!(self => read(Access::new(self, close, keys)));
        self.close(close)?;
        Ok(value)
    }

    /// `(field: value, ...)` after any struct name.
    fn struct_body<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value> {
        self.bracketed((b'(', b')'), Keys::Ident, |body| visitor.visit_map(body))
    }

    fn tuple_body<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value> {
        self.bracketed((b'(', b')'), Keys::Value, |body| visitor.visit_seq(body))
    }

    /// `(value)` with an optional trailing comma, as in `Some(value)` or `Variant(value)`.
    fn parenthesised<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value> {
        self.lex.expect(b'(', "`(`")?;
        self.lex.skip_ws()?;
        let value = nested!(self => seed.deserialize(&mut *self));
        self.comma()?;
        self.lex.expect(b')', "`)`")?;
        Ok(value)
    }

    /// `(` in `deserialize_any`: a struct when the first entry is `ident:`, else a tuple
    /// (`ron`'s `check_struct_type` with an imprecise tuple check).
    fn any_parenthesised<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value> {
        let start = self.lex.pos;
        self.lex.pos += 1;
        self.lex.skip_ws()?;
        let named = self.lex.ident()?.is_some() && {
            self.lex.skip_ws()?;
            self.lex.peek() == Some(b':')
        };
        self.lex.pos = start;
        if named { self.struct_body(visitor) } else { self.tuple_body(visitor) }
    }

    /// `deserialize_any`; `ignoring` for `IgnoredAny`, where identifiers (unit, struct and
    /// enum values) are read as `ron` reads them, while other visitors (serde's buffer for
    /// untagged enums, `Money`) get no identifiers but `true` and `false`.
    fn any<V: Visitor<'de>>(&mut self, visitor: V, ignoring: bool) -> Result<V::Value> {
        match self.lex.peek() {
            Some(b'"') => self.deserialize_str_inner(visitor),
            Some(b'[') => self.seq(visitor),
            Some(b'{') => self.map(visitor),
            Some(b'(') if self.lex.starts_with(b"()") => {
                self.lex.pos += 2;
                visitor.visit_unit()
            }
            Some(b'(') => self.any_parenthesised(visitor),
            Some(b'0'..=b'9' | b'-') => {
                let number = self.lex.number()?;
                any_number(&number, visitor).ok_or_else(|| self.unsupported("a number"))?
            }
            _ => {
                let start = self.lex.pos;
                match self.lex.ident()? {
                    Some("true") => visitor.visit_bool(true),
                    Some("false") => visitor.visit_bool(false),
                    Some("Some") if ignoring => {
                        self.lex.pos = start;
                        self.option(visitor)
                    }
                    Some("None") if ignoring => visitor.visit_none(),
                    Some("inf" | "inff32" | "inff64" | "NaN" | "NaNf32" | "NaNf64") => {
                        Err(self.unsupported("inf or NaN"))
                    }
                    Some(_) if ignoring => {
                        self.lex.skip_ws()?;
                        if self.lex.peek() == Some(b'(') {
                            self.any_parenthesised(visitor)
                        } else {
                            visitor.visit_unit()
                        }
                    }
                    _ => Err(self.unsupported("a value")),
                }
            }
        }
    }

    fn seq<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value> {
        self.bracketed((b'[', b']'), Keys::Value, |body| visitor.visit_seq(body))
    }

    fn map<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value> {
        // `ron` reads the keys of a flattened struct's map differently; such visitors are
        // recognised by their `expecting` text, as `ron` does.
        if expects_struct(&visitor) {
            return Err(self.unsupported("a flattened struct"));
        }
        self.bracketed((b'{', b'}'), Keys::Value, |body| visitor.visit_map(body))
    }

    /// `None`, `Some(value)`, or (with implicit `Some`) a bare value.
    fn option<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value> {
        match self.lex.peek_ident()? {
            Some("None") => {
                self.lex.pos += 4;
                visitor.visit_none()
            }
            Some("Some") => {
                self.lex.pos += 4;
                self.lex.skip_ws()?;
                // `ron` reads `Some x` (no bracket) strangely; leave it to `ron`.
                self.parenthesised(SomeOf(visitor))
            }
            _ if self.implicit_some => Ok(nested!(self => visitor.visit_some(&mut *self))),
            _ => Err(self.unsupported("`Some(...)` or `None`")),
        }
    }

    fn deserialize_str_inner<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value> {
        match self.lex.string()? {
            Str::Borrowed(s) => visitor.visit_borrowed_str(s),
            Str::Owned(s) => visitor.visit_string(s),
        }
    }

    fn deserialize_bool_inner<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value> {
        match self.lex.ident()? {
            Some("true") => visitor.visit_bool(true),
            Some("false") => visitor.visit_bool(false),
            _ => Err(self.unsupported("`true` or `false`")),
        }
    }

    fn identifier<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value> {
        match self.lex.ident()? {
            Some(ident) => visitor.visit_borrowed_str(ident),
            None => Err(self.unsupported("an identifier")),
        }
    }

    /// A whole number for a typed integer: no sign on unsigned types (`ron` reads `-0` as
    /// 0 there; left to it), no fraction, no exponent.
    fn integer(&mut self, signed: bool) -> Result<i128> {
        let number = self.lex.number()?;
        match number.magnitude {
            Some(m) if !number.fraction && !number.exponent && (signed || !number.negative) => {
                Ok(if number.negative { -i128::from(m) } else { i128::from(m) })
            }
            _ => Err(self.unsupported("an integer")),
        }
    }
}

/// The value inside `Some(...)`, handed to the visitor's `visit_some` (a seed for
/// [`Deserializer::parenthesised`]).
struct SomeOf<V>(V);

impl<'de, V: Visitor<'de>> DeserializeSeed<'de> for SomeOf<V> {
    type Value = V::Value;

    fn deserialize<D: de::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> std::result::Result<V::Value, D::Error> {
        self.0.visit_some(deserializer)
    }
}

/// A number in `deserialize_any`, given to the visitor as the smallest type that holds it,
/// as `ron`'s `any_number` does; exponents and integers beyond 64 bits are left to `ron`.
fn any_number<'de, V: Visitor<'de>>(number: &Number<'_>, visitor: V) -> Option<Result<V::Value>> {
    if number.exponent {
        return None;
    }
    if number.fraction {
        let value: f64 = number.text.parse().ok()?;
        let narrow = value as f32;
        return Some(if value.total_cmp(&f64::from(narrow)).is_eq() {
            visitor.visit_f32(narrow)
        } else {
            visitor.visit_f64(value)
        });
    }
    let m = number.magnitude?;
    Some(if number.negative {
        let v = i64::try_from(-i128::from(m)).ok()?;
        if let Ok(v) = i8::try_from(v) {
            visitor.visit_i8(v)
        } else if let Ok(v) = i16::try_from(v) {
            visitor.visit_i16(v)
        } else if let Ok(v) = i32::try_from(v) {
            visitor.visit_i32(v)
        } else {
            visitor.visit_i64(v)
        }
    } else if let Ok(v) = u8::try_from(m) {
        visitor.visit_u8(v)
    } else if let Ok(v) = u16::try_from(m) {
        visitor.visit_u16(v)
    } else if let Ok(v) = u32::try_from(m) {
        visitor.visit_u32(v)
    } else {
        visitor.visit_u64(m)
    })
}

/// Whether the visitor's `expecting` starts with "struct " (serde's flattened structs),
/// checked without allocating.
fn expects_struct<'de, V: Visitor<'de>>(visitor: &V) -> bool {
    struct Expecting<'a, V>(&'a V);
    impl<'de, V: Visitor<'de>> fmt::Display for Expecting<'_, V> {
        fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
            self.0.expecting(f)
        }
    }
    struct Prefix(usize, bool);
    impl fmt::Write for Prefix {
        fn write_str(&mut self, s: &str) -> fmt::Result {
            const PREFIX: &[u8] = b"struct ";
            for b in s.bytes() {
                if self.0 == PREFIX.len() || PREFIX.get(self.0) != Some(&b) {
                    self.1 = self.0 == PREFIX.len();
                    return Err(fmt::Error);
                }
                self.0 += 1;
            }
            self.1 = self.0 == PREFIX.len();
            Ok(())
        }
    }
    let mut prefix = Prefix(0, false);
    let _ = fmt::write(&mut prefix, format_args!("{}", Expecting(visitor)));
    prefix.1
}

macro_rules! integers {
    ($($method:ident $visit:ident $ty:ty, $signed:expr;)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            let value = self.integer($signed)?;
            let value = <$ty>::try_from(value).map_err(|_| self.unsupported("an integer in range"))?;
            visitor.$visit(value)
        }
    )*};
}

macro_rules! unsupported {
    ($($method:ident($($arg:ty),*);)*) => {$(
        fn $method<V: Visitor<'de>>(self, $(_: $arg,)* _visitor: V) -> Result<V::Value> {
            Err(self.unsupported(stringify!($method)))
        }
    )*};
}

impl<'de> de::Deserializer<'de> for &mut Deserializer<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.any(visitor, false)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.any(visitor, true)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_bool_inner(visitor)
    }

    integers! {
        deserialize_i8 visit_i8 i8, true;
        deserialize_i16 visit_i16 i16, true;
        deserialize_i32 visit_i32 i32, true;
        deserialize_i64 visit_i64 i64, true;
        deserialize_u8 visit_u8 u8, false;
        deserialize_u16 visit_u16 u16, false;
        deserialize_u32 visit_u32 u32, false;
        deserialize_u64 visit_u64 u64, false;
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let number = self.lex.number()?;
        visitor.visit_f32(number.text.parse().map_err(|_| self.unsupported("a float"))?)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let number = self.lex.number()?;
        visitor.visit_f64(number.text.parse().map_err(|_| self.unsupported("a float"))?)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str_inner(visitor)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str_inner(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.option(visitor)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.seq(visitor)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        self.tuple_body(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.map(visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        // `ron` reads these standard library structs from `a..b` syntax.
        if matches!(name, "Range" | "RangeInclusive" | "RangeFrom" | "RangeTo" | "RangeToInclusive") {
            return Err(self.unsupported("a range"));
        }
        // The name is optional, but when given it must be this struct's.
        if let Some(found) = self.lex.ident()?
            && found != name
        {
            return Err(self.unsupported("this struct's name"));
        }
        self.lex.skip_ws()?;
        self.struct_body(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        Ok(nested!(self => visitor.visit_enum(Enum(&mut *self))))
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.identifier(visitor)
    }

    unsupported! {
        deserialize_i128();
        deserialize_u128();
        deserialize_char();
        deserialize_bytes();
        deserialize_byte_buf();
        deserialize_unit();
        deserialize_unit_struct(&'static str);
        deserialize_newtype_struct(&'static str);
        deserialize_tuple_struct(&'static str, usize);
    }
}

/// What the keys of a bracketed body are.
#[derive(Clone, Copy, PartialEq)]
enum Keys {
    /// Struct fields: bare identifiers.
    Ident,
    /// Map keys (and sequence elements): any value.
    Value,
}

/// A comma-separated body: a sequence, tuple, map or struct (`ron`'s `CommaSeparated`).
struct Access<'a, 'de> {
    de: &'a mut Deserializer<'de>,
    close: u8,
    keys: Keys,
    had_comma: bool,
}

impl<'a, 'de> Access<'a, 'de> {
    fn new(de: &'a mut Deserializer<'de>, close: u8, keys: Keys) -> Self {
        Access { de, close, keys, had_comma: true }
    }

    #[inline]
    fn has_element(&mut self) -> Result<bool> {
        self.de.lex.skip_ws()?;
        let closing = self.de.lex.peek() == Some(self.close);
        match (self.had_comma, closing) {
            (true, closing) => Ok(!closing),
            (false, true) => Ok(false),
            (false, false) => Err(self.de.unsupported("a comma")),
        }
    }
}

impl<'de> de::SeqAccess<'de> for Access<'_, 'de> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        if !self.has_element()? {
            return Ok(None);
        }
        let value = nested!(self.de => seed.deserialize(&mut *self.de));
        self.had_comma = self.de.comma()?;
        Ok(Some(value))
    }
}

impl<'de> de::MapAccess<'de> for Access<'_, 'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        if !self.has_element()? {
            return Ok(None);
        }
        Ok(Some(match self.keys {
            Keys::Ident => nested!(self.de => seed.deserialize(Key(&mut *self.de))),
            Keys::Value => nested!(self.de => seed.deserialize(&mut *self.de)),
        }))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        self.de.lex.skip_ws()?;
        self.de.lex.expect(b':', "`:`")?;
        self.de.lex.skip_ws()?;
        let value = nested!(self.de => seed.deserialize(&mut *self.de));
        self.had_comma = self.de.comma()?;
        Ok(value)
    }
}

/// A struct field name: an identifier and nothing else (`ron`'s `id::Deserializer`).
struct Key<'a, 'de>(&'a mut Deserializer<'de>);

impl<'de> de::Deserializer<'de> for Key<'_, 'de> {
    type Error = Error;

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.0.identifier(visitor)
    }

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.0.identifier(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.0.identifier(visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.0.identifier(visitor)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.0.identifier(visitor)
    }

    unsupported! {
        deserialize_bool(); deserialize_i8(); deserialize_i16(); deserialize_i32();
        deserialize_i64(); deserialize_i128(); deserialize_u8(); deserialize_u16();
        deserialize_u32(); deserialize_u64(); deserialize_u128(); deserialize_f32();
        deserialize_f64(); deserialize_char(); deserialize_bytes(); deserialize_byte_buf();
        deserialize_option(); deserialize_unit(); deserialize_seq(); deserialize_map();
        deserialize_unit_struct(&'static str);
        deserialize_newtype_struct(&'static str);
        deserialize_tuple(usize);
        deserialize_tuple_struct(&'static str, usize);
        deserialize_struct(&'static str, &'static [&'static str]);
        deserialize_enum(&'static str, &'static [&'static str]);
    }
}

impl Key<'_, '_> {
    #[cold]
    fn unsupported(&self, what: &'static str) -> Error {
        self.0.unsupported(what)
    }
}

/// An enum value: `Variant`, `Variant(value)`, `Variant(a, b)` or `Variant(field: value)`.
struct Enum<'a, 'de>(&'a mut Deserializer<'de>);

impl<'de> de::EnumAccess<'de> for Enum<'_, 'de> {
    type Error = Error;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self)> {
        self.0.lex.skip_ws()?;
        let variant = nested!(self.0 => seed.deserialize(&mut *self.0));
        Ok((variant, self))
    }
}

impl<'de> de::VariantAccess<'de> for Enum<'_, 'de> {
    type Error = Error;

    fn unit_variant(self) -> Result<()> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value> {
        self.0.lex.skip_ws()?;
        self.0.parenthesised(seed)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        self.0.lex.skip_ws()?;
        self.0.tuple_body(visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.0.lex.skip_ws()?;
        self.0.struct_body(visitor)
    }
}
