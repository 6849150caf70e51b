'use strict';
const React = require('react');
function pad(n) { return n < 10 ? '0' + n : '' + n; }
function format(d) { return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()); }
function DatePicker(props) {
  const value = props.selected ? format(props.selected) : '';
  return React.createElement('input', {
    type: 'date', value, className: props.className || 'react-datepicker-lite__input',
    min: props.minDate ? format(props.minDate) : undefined, max: props.maxDate ? format(props.maxDate) : undefined,
    onChange: e => props.onChange && props.onChange(e.target.value ? new Date(e.target.value + 'T00:00:00') : null)
  });
}
module.exports = DatePicker;
module.exports.default = DatePicker;
